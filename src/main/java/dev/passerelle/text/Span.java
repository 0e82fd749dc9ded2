package dev.passerelle.text;

/** A character range {@code [start, end)} in the text as the client sent it (UTF-16 offsets). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** The covered text. */
    public String of(String text) {
        return text.substring(start, end);
    }
}
