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
            for (int i = Math.max(s.start() + 1, 1); i < s.end() - 1; i++) {
                if (isGlue(text, i)) {
                    out.add(new Span(start, i + 1));
                    start = i + 1;
                }
            }
            out.add(new Span(start, s.end()));
        }
        return out;
    }

    /** Whether the punctuation at {@code i} ends a sentence glued to the next. */
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
        return ends && starts && !inAddress(text, i);
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == '»' || c == '”' || c == '"' || c == ']';
    }

    /** Whether the run of non-space characters around {@code i} looks like a web or mail address. */
    private static boolean inAddress(String text, int i) {
        int from = i;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = i;
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        String word = text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        // Bare domains need no rule: their letter after the point is lower case (orange.fr).
        return word.contains("://") || word.startsWith("www.") || word.contains("@");
    }
}
