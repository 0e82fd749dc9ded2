package dev.passerelle.translate;

/**
 * How one batch of sentences is decoded.
 *
 * @param fixedNewTokens for benchmarks only: when above 0, every sentence generates exactly this
 *     many tokens (the end token is refused before, forced at the last), so runs compare like for like
 */
public record DecodeOptions(
        int beams,
        boolean repetitionGuard,
        double maxLengthRatio,
        int maxLengthOffset,
        int maxBatchSentences,
        int maxBatchTokens,
        int fixedNewTokens) {

    public DecodeOptions {
        if (beams < 1 || maxBatchSentences < 1 || maxBatchTokens < 1 || fixedNewTokens < 0) {
            throw new IllegalArgumentException("beams and batch limits must be positive");
        }
    }

    /** Ordinary decoding: each sentence stops at its end token. */
    public DecodeOptions(int beams, boolean repetitionGuard, double maxLengthRatio, int maxLengthOffset,
                         int maxBatchSentences, int maxBatchTokens) {
        this(beams, repetitionGuard, maxLengthRatio, maxLengthOffset, maxBatchSentences, maxBatchTokens, 0);
    }

    /** Same options with another beam width. */
    public DecodeOptions withBeams(int newBeams) {
        return new DecodeOptions(newBeams, repetitionGuard, maxLengthRatio, maxLengthOffset,
                maxBatchSentences, maxBatchTokens, fixedNewTokens);
    }

    /** Tokens a source of {@code sourceLength} ids may generate, end token included. */
    public int lengthCap(int sourceLength, int maxLength) {
        if (fixedNewTokens > 0) {
            return Math.min(maxLength - 1, fixedNewTokens);
        }
        return (int) Math.min(maxLength - 1L, (long) Math.ceil(maxLengthRatio * sourceLength + maxLengthOffset));
    }
}
