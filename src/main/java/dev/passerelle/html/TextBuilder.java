package dev.passerelle.html;

import java.util.ArrayList;
import java.util.List;

/** A block's text as a browser shows it: runs of HTML whitespace collapsed to one space, none at the ends. */
final class TextBuilder {

    private final StringBuilder text = new StringBuilder();
    /** Point atoms just placed after a space, waiting to learn whether a space follows them too. */
    private final List<Mark> afterSpace = new ArrayList<>();

    /** HTML's ASCII whitespace (not the no-break space, which typography chose). */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    void append(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (space(c)) {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                } else {
                    afterSpace.forEach(m -> m.spaced = true);
                }
            } else {
                text.append(c);
            }
            afterSpace.clear();
        }
    }

    /** Notes an atom at the current end, whose space after it would be collapsed away (or dropped, at the start). */
    void point(Mark m) {
        m.spaceBefore = text.length() > 0 && text.charAt(text.length() - 1) == ' ';
        if (text.length() == 0 || m.spaceBefore) {
            afterSpace.add(m);
        }
    }

    int length() {
        return text.length();
    }

    /** The text without a final space; marks that reached into it end at the text's end. */
    String finish(List<Mark> marks) {
        if (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        clamp(marks, text.length());
        return text.toString();
    }

    private static void clamp(List<Mark> marks, int length) {
        for (Mark m : marks) {
            m.start = Math.min(m.start, length);
            m.end = Math.min(m.end, length);
            clamp(m.children, length);
        }
    }
}
