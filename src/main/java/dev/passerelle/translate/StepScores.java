package dev.passerelle.translate;

/**
 * The {@code k} best allowed next tokens of every row of a decoder step, best first, with their
 * log-probabilities over the allowed vocabulary. Row-major: row {@code r}'s entries start at {@code r * k}.
 */
public record StepScores(int rows, int k, long[] tokens, float[] logProbs) {

    public StepScores {
        if (tokens.length != rows * k || logProbs.length != rows * k) {
            throw new IllegalArgumentException("expected " + rows * k + " entries, got " + tokens.length
                    + " tokens and " + logProbs.length + " log-probabilities");
        }
    }

    /** The token ranked {@code rank} (0 = most likely) in {@code row}. */
    public int token(int row, int rank) {
        return (int) tokens[row * k + rank];
    }

    /** Log-probability of the token ranked {@code rank} in {@code row}. */
    public double logProb(int row, int rank) {
        return logProbs[row * k + rank];
    }
}
