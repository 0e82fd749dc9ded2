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
 * significant. Where matches overlap the longest wins, then the earliest, then the entry listed first.
 * Entries are indexed by their first character, so a sentence costs about one look-up per character
 * whatever the glossary's size.
 */
public final class GlossaryMatcher {

    private record Candidate(int order, TermMatch match) {
    }

    private record Indexed(int order, GlossaryEntry entry) {
    }

    /** A glossary ready to match: its entries by first character, case folded. */
    public static final class Index {
        private final Map<Integer, List<Indexed>> byFirst = new HashMap<>();

        private Index(Glossary glossary) {
            List<GlossaryEntry> entries = glossary.entries();
            for (int e = 0; e < entries.size(); e++) {
                byFirst.computeIfAbsent(fold(entries.get(e).source().charAt(0)), k -> new ArrayList<>())
                        .add(new Indexed(e, entries.get(e)));
            }
        }

        /** The matches in {@code sentence}, in text order, none overlapping. */
        public List<TermMatch> find(String sentence) {
            List<Candidate> found = new ArrayList<>();
            for (int at = 0; at < sentence.length() && !byFirst.isEmpty(); at++) {
                List<Indexed> starting = byFirst.get(fold(sentence.charAt(at)));
                if (starting == null || !boundary(sentence, at)) {
                    continue;
                }
                for (Indexed i : starting) {
                    String term = i.entry.source();
                    if (at + term.length() <= sentence.length()
                            && sentence.regionMatches(!i.entry.exactCase(), at, term, 0, term.length())
                            && boundary(sentence, at + term.length())) {
                        found.add(new Candidate(i.order, new TermMatch(i.entry, new Span(at, at + term.length()))));
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

    /** The same key for a character whatever its case, as {@code regionMatches} compares them. */
    private static int fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
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
