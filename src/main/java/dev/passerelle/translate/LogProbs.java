package dev.passerelle.translate;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Log-softmax over one row of logits with banned tokens removed, computed in double precision.
 * When the end is forced (last allowed step), the end token is the only choice, with log-prob 0.
 */
final class LogProbs {

    private final float[] logits;
    private final int offset;
    private final int vocab;
    private final int[] banned;
    private final boolean forcedEos;
    private final int eos;
    private final double logZ;

    LogProbs(float[] logits, int row, int vocab, SearchRules rules, boolean forcedEos) {
        this.logits = logits;
        this.offset = row * vocab;
        this.vocab = vocab;
        this.banned = rules.eosOnlyAtCap() && !forcedEos ? withEos(rules.bannedTokens(), rules.eosToken())
                : rules.bannedTokens();
        this.forcedEos = forcedEos;
        this.eos = rules.eosToken();
        this.logZ = forcedEos ? logits[offset + eos] : logSumExp();
    }

    /**
     * Log-probabilities of every row of a step, rows computed in parallel: the exponentials over
     * the vocabulary are the costliest arithmetic outside the model, and the model is idle meanwhile.
     * Rows for which {@code skip} holds get null.
     */
    static LogProbs[] rows(float[] logits, int rows, int vocab, SearchRules rules, IntPredicate forced,
                           IntPredicate skip) {
        LogProbs[] out = new LogProbs[rows];
        IntStream.range(0, rows).parallel().forEach(r -> {
            if (!skip.test(r)) {
                out[r] = new LogProbs(logits, r, vocab, rules, forced.test(r));
            }
        });
        return out;
    }

    private static int[] withEos(int[] banned, int eos) {
        int[] out = java.util.Arrays.copyOf(banned, banned.length + 1);
        out[banned.length] = eos;
        return out;
    }

    private boolean isBanned(int token) {
        for (int b : banned) {
            if (b == token) {
                return true;
            }
        }
        return false;
    }

    private double logSumExp() {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            if (logits[offset + v] > max && !isBanned(v)) {
                max = logits[offset + v];
            }
        }
        double sum = 0;
        for (int v = 0; v < vocab; v++) {
            if (!isBanned(v)) {
                sum += Math.exp(logits[offset + v] - max);
            }
        }
        return max + Math.log(sum);
    }

    /** Log-probability of {@code token}; negative infinity for banned tokens. */
    double of(int token) {
        if (forcedEos) {
            return token == eos ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        return isBanned(token) ? Double.NEGATIVE_INFINITY : logits[offset + token] - logZ;
    }

    /** The most likely allowed token; the lowest id wins a tie. */
    int argmax() {
        if (forcedEos) {
            return eos;
        }
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            float x = logits[offset + v];
            if ((best < 0 || x > bestValue) && !isBanned(v)) {
                best = v;
                bestValue = x;
            }
        }
        return best;
    }

    /** The {@code k} most likely allowed tokens, best first. */
    int[] top(int k) {
        if (forcedEos) {
            return new int[] {eos};
        }
        int n = Math.min(k, vocab - banned.length);
        int[] ids = new int[n];
        float[] values = new float[n];
        int filled = 0;
        for (int v = 0; v < vocab; v++) {
            float x = logits[offset + v];
            if ((filled < n || x > values[filled - 1]) && !isBanned(v)) {
                int pos = filled < n ? filled++ : n - 1;
                while (pos > 0 && values[pos - 1] < x) {
                    values[pos] = values[pos - 1];
                    ids[pos] = ids[pos - 1];
                    pos--;
                }
                values[pos] = x;
                ids[pos] = v;
            }
        }
        return ids;
    }
}
