package dev.passerelle.summarize;

/**
 * Continuous LexRank: the stationary distribution of a random walk on the sentence-similarity
 * graph (PageRank with damping), found by power iteration. Central sentences are those similar to
 * many other sentences that are themselves central.
 */
public final class LexRank {

    static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-10;

    private LexRank() {
    }

    /** Centrality of each node of the similarity graph; sums to 1. */
    public static double[] centrality(double[][] similarity) {
        int n = similarity.length;
        double[][] walk = new double[n][n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += i == j ? 0 : similarity[i][j];
            }
            for (int j = 0; j < n; j++) {
                // A sentence similar to nothing jumps anywhere with equal chance.
                walk[i][j] = sum == 0 ? 1.0 / n : i == j ? 0 : similarity[i][j] / sum;
            }
        }
        double[] p = new double[n];
        java.util.Arrays.fill(p, 1.0 / n);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += p[i] * walk[i][j];
                }
                next[j] = (1 - DAMPING) / n + DAMPING * s;
            }
            double change = 0;
            for (int j = 0; j < n; j++) {
                change += Math.abs(next[j] - p[j]);
            }
            p = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return p;
    }
}
