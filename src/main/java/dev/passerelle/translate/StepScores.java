package dev.passerelle.translate;

/**
 * The {@code k} best allowed next tokens of every row of a decoder step, best first, with their
 * log-probabilities over the allowed vocabulary, and the log-probabilities of {@code m} tokens asked
 * for by row ({@code wanted}: the next tokens of glossary constraints; none when {@code m} is 0).
 * Row-major: row {@code r}'s entries start at {@code r * k} (and {@code r * m}).
 */
public record StepScores(int rows, int k, long[] tokens, float[] logProbs, int m, long[] wanted, float[] wantedLogProbs) {

    public StepScores {
        if (tokens.length != rows * k || logProbs.length != rows * k) {
            throw new IllegalArgumentException("expected " + rows * k + " entries, got " + tokens.length
                    + " tokens and " + logProbs.length + " log-probabilities");
        }
        if (wanted.length != rows * m || wantedLogProbs.length != rows * m) {
            throw new IllegalArgumentException("expected " + rows * m + " wanted entries");
        }
    }

    /** The k best tokens of every row, nothing asked for. */
    public StepScores(int rows, int k, long[] tokens, float[] logProbs) {
        this(rows, k, tokens, logProbs, 0, new long[0], new float[0]);
    }

    /** The token ranked {@code rank} (0 = most likely) in {@code row}. */
    public int token(int row, int rank) {
        return (int) tokens[row * k + rank];
    }

    /** Log-probability of the token ranked {@code rank} in {@code row}. */
    public double logProb(int row, int rank) {
        return logProbs[row * k + rank];
    }

    /** Log-probability of {@code token} in {@code row}: one of its k best or one it was asked for; NaN otherwise. */
    public double logProbOf(int row, int token) {
        for (int rank = 0; rank < k; rank++) {
            if (tokens[row * k + rank] == token) {
                return logProbs[row * k + rank];
            }
        }
        for (int j = 0; j < m; j++) {
            if (wanted[row * m + j] == token) {
                return wantedLogProbs[row * m + j];
            }
        }
        return Double.NaN;
    }
}
