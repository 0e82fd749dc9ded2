package dev.passerelle.translate;

/**
 * How big one ONNX batch may grow: a server limit on memory and latency, not a request choice,
 * so it never changes a translation (and is not part of the sentence cache key).
 *
 * @param maxSentences most sentences decoded together
 * @param maxTokens most padded source tokens times beams (rows times longest sentence times beams)
 */
public record BatchLimits(int maxSentences, int maxTokens) {

    /** The service's defaults ({@code passerelle.generation.max-batch-*}). */
    public static final BatchLimits DEFAULT = new BatchLimits(16, 2048);

    public BatchLimits {
        if (maxSentences < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
    }

    /** Whether {@code rows} sentences of at most {@code width} tokens, {@code beams} wide, fit in one batch. */
    public boolean admits(int rows, int width, int beams) {
        return rows <= maxSentences && (long) rows * width * beams <= maxTokens;
    }
}
