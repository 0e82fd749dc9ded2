package dev.passerelle.glossary;

/**
 * One term of a glossary: the French {@code source} (matched as whole words, case-insensitive
 * unless {@code exactCase}; accents always count) and the English {@code target} the translation
 * must contain.
 */
public record GlossaryEntry(String source, String target, boolean exactCase) {

    /** The longest term accepted, in characters, on either side. */
    public static final int MAX_LENGTH = 200;

    public GlossaryEntry {
        if (source == null || source.isBlank() || target == null || target.isBlank()) {
            throw new IllegalArgumentException("a glossary entry needs a source and a target");
        }
        // Composed as the text the service reads usually is: "é" one character, not "e" and an accent.
        source = java.text.Normalizer.normalize(source.strip(), java.text.Normalizer.Form.NFC);
        target = java.text.Normalizer.normalize(target.strip(), java.text.Normalizer.Form.NFC);
        if (source.length() > MAX_LENGTH || target.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a glossary term is at most " + MAX_LENGTH + " characters");
        }
        if (!plain(source) || !plain(target)) {
            throw new IllegalArgumentException("a glossary term may not hold control characters, line breaks, "
                    + "direction overrides or unpaired surrogates");
        }
        if (!source.codePoints().anyMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("the source term \"" + source + "\" has no letter or digit");
        }
    }

    /** Whether {@code term} is text a reader sees: no control, direction override or lone surrogate. */
    private static boolean plain(String term) {
        return term.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.SURROGATE
                || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069);
    }

    /** A term kept as written: its own target, matched with its case. */
    public static GlossaryEntry keep(String term) {
        return new GlossaryEntry(term, term, true);
    }
}
