package dev.passerelle.translate;

/**
 * One generated sentence: token ids without the end token, the mean token log-probability, why it
 * stopped, and whether it came from the sentence cache instead of the model.
 */
public record Hypothesis(int[] tokens, double score, FinishReason finish, boolean cached) {

    public Hypothesis(int[] tokens, double score, FinishReason finish) {
        this(tokens, score, finish, false);
    }

    /** The same hypothesis, marked as served from the cache. */
    public Hypothesis fromCache() {
        return new Hypothesis(tokens, score, finish, true);
    }
}
