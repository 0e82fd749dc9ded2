package dev.passerelle.glossary;

/**
 * What became of one glossary match in a sentence: the French words ({@code start}/{@code end}
 * in the sentence's source text), the English term required, whether the translation has it, and
 * if not, why.
 */
public record TermUse(String source, String target, int start, int end, boolean applied, String reason) {

    /** The model cannot write the term: a piece of its spelling is missing from the vocabulary. */
    public static final String UNKNOWN_PIECES = "its spelling has pieces the model's vocabulary lacks";
    /** The terms need more tokens than the sentence's translation may have. */
    public static final String LENGTH_CAP = "the sentence's length cap leaves no room for it";
    /** The sentence has more terms than are forced in one sentence. */
    public static final String TOO_MANY = "the sentence has more terms than are forced in one (16)";
    /** The search ended without it (the length cap or the repetition guard came first). */
    public static final String NOT_REACHED = "the translation ended before it could be written";
}
