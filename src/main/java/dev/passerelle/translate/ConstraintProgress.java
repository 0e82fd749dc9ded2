package dev.passerelle.translate;

import java.util.Arrays;

/**
 * How far a hypothesis is through its sentence's constraints: which are met, and for each unmet one
 * how many of its first tokens the output ends with (a KMP state, so a term whose start the output
 * wrote twice, or two terms sharing a start, are followed correctly). Immutable; one per hypothesis.
 * {@code tools/fixture/marian_beam.py} is the reference.
 */
record ConstraintProgress(boolean[] met, int[] matched) {

    /** Nothing met yet. */
    static ConstraintProgress start(int constraints) {
        return new ConstraintProgress(new boolean[constraints], new int[constraints]);
    }

    /**
     * After {@code token}: every unmet constraint follows the output on its own. One that is then
     * whole is met, the first such in order (one occurrence meets one constraint: a term asked for
     * twice must be written twice); others that completed with it fall back to their longest proper
     * prefix that is also a suffix.
     */
    ConstraintProgress advance(int token, int[][] constraints) {
        if (constraints.length == 0) {
            return this;
        }
        boolean[] m = Arrays.copyOf(met, met.length);
        int[] k = Arrays.copyOf(matched, matched.length);
        boolean done = false;
        for (int c = 0; c < constraints.length; c++) {
            if (m[c]) {
                continue;
            }
            int[] seq = constraints[c];
            int n = longest(seq, matched[c], token);
            if (n == seq.length) {
                if (!done) {
                    m[c] = true;
                    done = true;
                    n = 0;
                } else {
                    n = border(seq);
                }
            }
            k[c] = n;
        }
        return new ConstraintProgress(m, k);
    }

    /** Tokens of {@code seq} the output ends with after {@code token}, when it ended with its first {@code matched}. */
    private static int longest(int[] seq, int matched, int token) {
        int[] written = Arrays.copyOf(seq, matched + 1);
        written[matched] = token;
        for (int n = Math.min(seq.length, written.length); n > 0; n--) {
            if (Arrays.equals(seq, 0, n, written, written.length - n, written.length)) {
                return n;
            }
        }
        return 0;
    }

    /** The longest proper prefix of {@code seq} that is also its suffix. */
    private static int border(int[] seq) {
        for (int n = seq.length - 1; n > 0; n--) {
            if (Arrays.equals(seq, 0, n, seq, seq.length - n, seq.length)) {
                return n;
            }
        }
        return 0;
    }

    /** The tokens that would advance an unmet constraint, in constraint order, each once. */
    int[] wanted(int[][] constraints) {
        int[] out = new int[constraints.length];
        int n = 0;
        for (int c = 0; c < constraints.length; c++) {
            if (!met[c]) {
                int next = constraints[c][matched[c]];
                boolean seen = false;
                for (int i = 0; i < n && !seen; i++) {
                    seen = out[i] == next;
                }
                if (!seen) {
                    out[n++] = next;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Its bank: constraint tokens written, those of met constraints and the most of any unmet one in progress. */
    int bank(int[][] constraints) {
        int n = 0;
        int progress = 0;
        for (int c = 0; c < met.length; c++) {
            if (met[c]) {
                n += constraints[c].length;
            } else {
                progress = Math.max(progress, matched[c]);
            }
        }
        return n + progress;
    }

    /** Whether every constraint is met (always, without constraints): only then may the hypothesis end. */
    boolean complete() {
        for (boolean m : met) {
            if (!m) {
                return false;
            }
        }
        return true;
    }
}
