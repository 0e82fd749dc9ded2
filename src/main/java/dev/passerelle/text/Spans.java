package dev.passerelle.text;

/** Small helpers on spans of a string. */
final class Spans {

    private Spans() {
    }

    /** {@code [start, end)} without leading and trailing whitespace (no-break spaces included). */
    static Span trim(String text, int start, int end) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static Span shift(Span s, int offset) {
        return new Span(s.start() + offset, s.end() + offset);
    }
}
