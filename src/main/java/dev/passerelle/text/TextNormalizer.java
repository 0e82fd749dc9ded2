package dev.passerelle.text;

import java.text.Normalizer;

/**
 * Cleans text for the model without flattening French typography: composes accents (NFC),
 * removes invisible characters (zero-width spaces, soft hyphens, byte-order marks) and control
 * characters, turns exotic spaces into plain ones and collapses runs of spaces, but keeps
 * no-break spaces before {@code : ; ! ?}, guillemets and curly apostrophes as the writer typed
 * them. NFKC is deliberately not used: it would rewrite those.
 */
public final class TextNormalizer {

    private static final char NBSP = '\u00A0';
    private static final char NARROW_NBSP = '\u202F';

    /** Normalises one segment's text for tokenisation. */
    public String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (c == NBSP || c == NARROW_NBSP) {
                // French spacing before high punctuation and inside guillemets: keep it, once.
                pendingSpace = false;
                if (out.length() > 0 && out.charAt(out.length() - 1) != NBSP) {
                    out.append(NBSP);
                }
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace && out.charAt(out.length() - 1) != NBSP) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == NBSP) {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * Whether nothing in {@code text} can be read: whitespace and format characters only (zero-width
     * spaces, soft hyphens, byte-order marks), from which the model would invent a sentence.
     */
    public static boolean invisible(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
