package dev.passerelle.translate;

/** How one batch of sentences is decoded. */
public record DecodeOptions(
        int beams,
        boolean repetitionGuard,
        double maxLengthRatio,
        int maxLengthOffset,
        int maxBatchSentences,
        int maxBatchTokens) {

    public DecodeOptions {
        if (beams < 1 || maxBatchSentences < 1 || maxBatchTokens < 1) {
            throw new IllegalArgumentException("beams and batch limits must be positive");
        }
    }

    /** Same options with another beam width. */
    public DecodeOptions withBeams(int newBeams) {
        return new DecodeOptions(newBeams, repetitionGuard, maxLengthRatio, maxLengthOffset,
                maxBatchSentences, maxBatchTokens);
    }

    /** Tokens a source of {@code sourceLength} ids may generate, end token included. */
    public int lengthCap(int sourceLength, int maxLength) {
        return (int) Math.min(maxLength - 1L, (long) Math.ceil(maxLengthRatio * sourceLength + maxLengthOffset));
    }
}
