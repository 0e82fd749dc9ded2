package dev.passerelle.translate;

/**
 * One generated sentence: token ids without the end token, the mean token log-probability, and
 * why it stopped.
 */
public record Hypothesis(int[] tokens, double score, FinishReason finish) {
}
