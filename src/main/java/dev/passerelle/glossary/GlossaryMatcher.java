package dev.passerelle.glossary;

import dev.passerelle.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds glossary terms in a French sentence: whole words (a letter or digit on neither side, so
 * elisions match: "l'OCS", "d’Astana"), case-insensitive unless the entry says exact, accents
 * significant. Where matches overlap the longest wins, then the earliest, then the entry listed first.
 */
public final class GlossaryMatcher {

    private record Candidate(int order, TermMatch match) {
    }

    /** The matches in {@code sentence}, in text order, none overlapping. */
    public List<TermMatch> find(String sentence, Glossary glossary) {
        List<Candidate> found = new ArrayList<>();
        List<GlossaryEntry> entries = glossary.entries();
        for (int e = 0; e < entries.size(); e++) {
            GlossaryEntry entry = entries.get(e);
            String term = entry.source();
            for (int at = 0; at + term.length() <= sentence.length(); at++) {
                if (sentence.regionMatches(!entry.exactCase(), at, term, 0, term.length())
                        && boundary(sentence, at) && boundary(sentence, at + term.length())) {
                    found.add(new Candidate(e, new TermMatch(entry, new Span(at, at + term.length()))));
                }
            }
        }
        found.sort(Comparator.comparingInt((Candidate c) -> -c.match.span().length())
                .thenComparingInt(c -> c.match.span().start()).thenComparingInt(Candidate::order));
        List<TermMatch> kept = new ArrayList<>();
        for (Candidate c : found) {
            Span s = c.match.span();
            if (kept.stream().noneMatch(k -> k.span().start() < s.end() && s.start() < k.span().end())) {
                kept.add(c.match);
            }
        }
        kept.sort(Comparator.comparingInt(m -> m.span().start()));
        return kept;
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
