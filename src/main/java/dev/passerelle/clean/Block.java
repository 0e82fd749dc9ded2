package dev.passerelle.clean;

/**
 * One block of a page or of a text: a paragraph-level HTML element's text, or a line of plain text.
 * {@code linkChars} counts the visible (non-space) characters inside links (0 for plain text); {@code heading} marks an
 * {@code <h2>}..{@code <h6>}.
 */
public record Block(String text, int linkChars, boolean heading) {

    /** A line of plain text. */
    public static Block line(String text) {
        return new Block(text, 0, false);
    }

    /** Share of the text inside links, 0 to 1. */
    public double linkDensity() {
        long visible = text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
        return visible == 0 ? 0 : Math.min(1, (double) linkChars / visible);
    }
}
