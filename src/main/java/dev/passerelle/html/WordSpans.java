package dev.passerelle.html;

import dev.passerelle.text.Span;
import java.util.ArrayList;
import java.util.List;

/** Word spans of a text, for placing markup on word boundaries: letters and digits, with inner ' - ’. */
final class WordSpans {

    private WordSpans() {
    }

    static List<Span> of(String text) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            int start = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.codePointAt(i)) || joins(text, i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            out.add(new Span(start, i));
        }
        return out;
    }

    /** An apostrophe or hyphen between two letters stays inside the word ("Putin's", "Kassym-Jomart"). */
    private static boolean joins(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '’' || c == '-') && i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }
}
