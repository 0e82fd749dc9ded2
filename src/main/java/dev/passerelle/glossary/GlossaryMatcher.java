package dev.passerelle.glossary;

import dev.passerelle.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds glossary terms in a French sentence: whole words (a letter or digit on neither side, so
 * elisions match: "l'OCS", "d’Astana"), case-insensitive unless the entry says exact, accents
 * significant, any space matching any (a no-break space too: "21 mai"). Where matches overlap the
 * longest wins, then the earliest, then the entry listed first. Entries sit in a trie, so a sentence
 * costs at most a term's length of steps per word, whatever the glossary's size.
 */
public final class GlossaryMatcher {

    private record Candidate(int order, TermMatch match) {
    }

    private record Indexed(int order, GlossaryEntry entry) {
    }

    /** A trie node: the entries whose folded source ends here, and the next characters. */
    private static final class Node {
        final Map<Integer, Node> next = new HashMap<>();
        final List<Indexed> ends = new ArrayList<>(1);
    }

    /** A glossary ready to match: its sources in a trie of folded characters (an entry repeated is kept once, the first). */
    public static final class Index {
        private final Node root = new Node();
        private final boolean empty;

        private Index(Glossary glossary) {
            List<GlossaryEntry> entries = glossary.entries();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int e = 0; e < entries.size(); e++) {
                GlossaryEntry entry = entries.get(e);
                if (!seen.add((entry.exactCase() ? "=" + entry.source() : "~" + folded(entry.source())))) {
                    continue;
                }
                Node n = root;
                for (int i = 0; i < entry.source().length(); i++) {
                    n = n.next.computeIfAbsent(fold(entry.source().charAt(i)), k -> new Node());
                }
                n.ends.add(new Indexed(e, entry));
            }
            empty = root.next.isEmpty();
        }

        /** The matches in {@code text}, in text order, none overlapping; a text not in NFC is matched composed. */
        public List<TermMatch> find(String text) {
            if (java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC)) {
                return findComposed(text);
            }
            // Composed one character cluster at a time, to map matches back to the text as sent.
            StringBuilder composed = new StringBuilder(text.length());
            List<Integer> origin = new ArrayList<>(text.length() + 1);
            java.text.BreakIterator clusters = java.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
            clusters.setText(text);
            for (int start = clusters.first(), end = clusters.next(); end != java.text.BreakIterator.DONE;
                 start = end, end = clusters.next()) {
                String c = java.text.Normalizer.normalize(text.substring(start, end), java.text.Normalizer.Form.NFC);
                for (int i = 0; i < c.length(); i++) {
                    origin.add(i == 0 ? start : end);
                }
                composed.append(c);
            }
            origin.add(text.length());
            List<TermMatch> out = new ArrayList<>();
            for (TermMatch m : findComposed(composed.toString())) {
                out.add(new TermMatch(m.entry(), new Span(origin.get(m.span().start()), origin.get(m.span().end()))));
            }
            return out;
        }

        private List<TermMatch> findComposed(String sentence) {
            List<Candidate> found = new ArrayList<>();
            for (int at = 0; at < sentence.length() && !empty; at++) {
                if (!boundary(sentence, at)) {
                    continue;
                }
                Node n = root;
                for (int j = at; j < sentence.length(); j++) {
                    n = n.next.get(fold(sentence.charAt(j)));
                    if (n == null) {
                        break;
                    }
                    for (Indexed i : n.ends) {
                        if (boundary(sentence, j + 1) && (!i.entry.exactCase() || sameCase(sentence, at, i.entry.source()))) {
                            found.add(new Candidate(i.order, new TermMatch(i.entry, new Span(at, j + 1))));
                        }
                    }
                }
            }
            found.sort(Comparator.comparingInt((Candidate c) -> -c.match.span().length())
                    .thenComparingInt(c -> c.match.span().start()).thenComparingInt(Candidate::order));
            List<TermMatch> kept = new ArrayList<>();
            boolean[] taken = new boolean[sentence.length()];
            for (Candidate c : found) {
                Span s = c.match.span();
                boolean free = true;
                for (int k = s.start(); k < s.end() && free; k++) {
                    free = !taken[k];
                }
                if (free) {
                    java.util.Arrays.fill(taken, s.start(), s.end(), true);
                    kept.add(c.match);
                }
            }
            kept.sort(Comparator.comparingInt(m -> m.span().start()));
            return kept;
        }
    }

    /** {@code glossary} indexed for matching: build once per request, match every sentence. */
    public Index index(Glossary glossary) {
        return new Index(glossary);
    }

    /** The matches in {@code sentence}, in text order, none overlapping. */
    public List<TermMatch> find(String sentence, Glossary glossary) {
        return index(glossary).find(sentence);
    }

    /** The same key for a character whatever its case; every kind of space (no-break ones too) is one. */
    private static int fold(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : Character.toLowerCase(Character.toUpperCase(c));
    }

    private static String folded(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append((char) fold((char) c)));
        return b.toString();
    }

    /** Whether {@code term} is at {@code at} with its case (spaces of any kind alike). */
    private static boolean sameCase(String text, int at, String term) {
        for (int i = 0; i < term.length(); i++) {
            char a = text.charAt(at + i);
            char b = term.charAt(i);
            if (a != b && !(fold(a) == ' ' && fold(b) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word may start or end at {@code at}: no letter or digit (or combining mark) touches it from both sides. */
    private static boolean boundary(String text, int at) {
        boolean before = at > 0 && word(text.codePointBefore(at));
        boolean after = at < text.length() && word(text.codePointAt(at));
        return !(before && after);
    }

    private static boolean word(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
