package dev.passerelle.text;

/** A character range {@code [start, end)} in the text as the client sent it (UTF-16 offsets). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Our span of one of OpenNLP's. */
    public static Span of(opennlp.tools.util.Span s) {
        return new Span(s.getStart(), s.getEnd());
    }

    public int length() {
        return end - start;
    }

    /** The covered text. */
    public String of(String text) {
        return text.substring(start, end);
    }

    /** This span without leading and trailing whitespace, no-break spaces included (OpenNLP's trim). */
    public Span trim(CharSequence text) {
        return of(new opennlp.tools.util.Span(start, end).trim(text));
    }

    /** The same length, {@code offset} characters further on. */
    public Span shift(int offset) {
        return new Span(start + offset, end + offset);
    }
}
