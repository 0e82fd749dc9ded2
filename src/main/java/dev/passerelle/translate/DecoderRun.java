package dev.passerelle.translate;

/**
 * A batch being decoded, one row per hypothesis, with the model's state (the KV cache) kept
 * between steps. Search strategies drive it without knowing how the model runs.
 */
public interface DecoderRun extends AutoCloseable {

    /** Rows fed at the next step. */
    int rows();

    /** Vocabulary size: the stride of the logits returned by {@link #step}. */
    int vocabSize();

    /** Feeds one token per row; returns next-token logits, {@code rows * vocabSize} floats, row-major. */
    float[] step(long[] tokens);

    /**
     * Keeps the given rows, in this order, for the next step: beam search reorders and repeats
     * rows, finished rows are dropped.
     */
    void select(int[] rows);

    @Override
    void close();
}
