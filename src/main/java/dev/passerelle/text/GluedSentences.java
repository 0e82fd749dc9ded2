package dev.passerelle.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds sentences glued together where a scraper joined two paragraphs without a space
 * ({@code "...du parquet de Paris.Cette vidéo..."}), which a sentence model trained on clean text
 * reads as one sentence. A boundary is a {@code . ! ?} between a lower-case letter, a digit or a
 * closing quote or bracket and an upper-case letter or an opening quote; it is not one inside a
 * web or mail address ({@code www.Example.com}, {@code https://A.B}), after a one-letter or
 * upper-case abbreviation ({@code M.Dupont}, {@code J.-C.Martin}: the character before the point
 * is upper case), nor in a decimal ({@code 2.600}: a digit follows).
 */
public final class GluedSentences {

    private GluedSentences() {
    }

    /** Cuts each of {@code sentences} (spans in {@code text}) at its glued boundaries. */
    public static List<Span> split(String text, List<Span> sentences) {
        List<Span> out = new ArrayList<>(sentences.size());
        for (Span s : sentences) {
            int start = s.start();
            // The run of non-space characters around i, and whether it is an address, found once per
            // run: a 100,000-character run of "a.B" has 33,000 candidates (rescanning it for each was
            // quadratic: ten seconds a request).
            int runEnd = -1;
            boolean address = false;
            for (int i = Math.max(s.start() + 1, 1); i < s.end() - 1; i++) {
                if (!isGlue(text, i)) {
                    continue;
                }
                if (i >= runEnd) {
                    int from = i;
                    while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
                        from--;
                    }
                    runEnd = i;
                    while (runEnd < text.length() && !Character.isWhitespace(text.charAt(runEnd))) {
                        runEnd++;
                    }
                    address = isAddress(text.substring(from, runEnd));
                }
                if (!address) {
                    out.add(new Span(start, i + 1));
                    start = i + 1;
                }
            }
            out.add(new Span(start, s.end()));
        }
        return out;
    }

    /** Whether the punctuation at {@code i} ends a sentence glued to the next (addresses aside). */
    static boolean isGlue(String text, int i) {
        char c = text.charAt(i);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        char before = text.charAt(i - 1);
        char after = text.charAt(i + 1);
        // French sets ! and ? off with a (no-break) space: "Quoi ?Il" is glued too.
        boolean spaced = c != '.' && (before == ' ' || before == '\u00A0' || before == '\u202F');
        boolean ends = Character.isLowerCase(before) || Character.isDigit(before) || isClosing(before) || spaced;
        boolean starts = Character.isUpperCase(after) || after == '«' || after == '“';
        return ends && starts;
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == '»' || c == '”' || c == '"' || c == ']';
    }

    /** Whether a run of non-space characters looks like a web or mail address. */
    private static boolean isAddress(String run) {
        String word = run.toLowerCase(java.util.Locale.ROOT);
        // Bare domains need no rule: their letter after the point is lower case (orange.fr).
        return word.contains("://") || word.startsWith("www.") || word.contains("@");
    }
}
