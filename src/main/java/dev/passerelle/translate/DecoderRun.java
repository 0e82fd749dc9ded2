package dev.passerelle.translate;

/**
 * A batch being decoded, one row per hypothesis, with the model's state (the KV cache) kept
 * between steps. Search strategies drive it without knowing how the model runs.
 */
public interface DecoderRun extends AutoCloseable {

    /** Rows fed at the next step. */
    int rows();

    /**
     * Feeds one token per row; returns each row's {@code k} most likely allowed next tokens (banned
     * tokens never appear), fewer only when fewer tokens are allowed.
     */
    StepScores step(long[] tokens, int k);

    /**
     * As {@link #step(long[], int)}, with the log-probabilities of {@code wanted[row]} too (tokens a
     * constrained search must be able to choose whatever their rank).
     */
    StepScores step(long[] tokens, int k, int[][] wanted);

    /**
     * Keeps the given rows, in this order, for the next step: beam search reorders and repeats
     * rows, finished rows are dropped.
     */
    void select(int[] rows);

    @Override
    void close();
}
