package dev.passerelle.translate;

/**
 * How a sentence is decoded: everything that can change its translation, and nothing else (server
 * limits such as batch sizes are {@link BatchLimits}). The sentence cache keys on this whole record,
 * so a field added here is part of the key by construction.
 *
 * @param beams beam width, 1 for greedy
 * @param repetitionGuard stop a hypothesis that keeps repeating the same few tokens
 * @param maxLengthRatio new tokens allowed per source token
 * @param maxLengthOffset new tokens allowed on top of the ratio
 * @param fixedNewTokens for benchmarks only: when above 0, every sentence generates exactly this
 *     many tokens (the end token is refused before, forced at the last), so runs compare like for like
 */
public record DecodeOptions(int beams, boolean repetitionGuard, double maxLengthRatio, int maxLengthOffset,
                            int fixedNewTokens) {

    public DecodeOptions {
        if (beams < 1 || fixedNewTokens < 0 || maxLengthOffset < 0 || !(maxLengthRatio >= 0)) {
            throw new IllegalArgumentException("beams must be positive and length limits not negative");
        }
    }

    /** Ordinary decoding: each sentence stops at its end token. */
    public DecodeOptions(int beams, boolean repetitionGuard, double maxLengthRatio, int maxLengthOffset) {
        this(beams, repetitionGuard, maxLengthRatio, maxLengthOffset, 0);
    }

    /** Same options with another beam width. */
    public DecodeOptions withBeams(int newBeams) {
        return new DecodeOptions(newBeams, repetitionGuard, maxLengthRatio, maxLengthOffset, fixedNewTokens);
    }

    /** Tokens a source of {@code sourceLength} ids may generate, end token included. */
    public int lengthCap(int sourceLength, int maxLength) {
        if (fixedNewTokens > 0) {
            return Math.min(maxLength - 1, fixedNewTokens);
        }
        return (int) Math.min(maxLength - 1L, (long) Math.ceil(maxLengthRatio * sourceLength + maxLengthOffset));
    }
}
