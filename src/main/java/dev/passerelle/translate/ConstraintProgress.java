package dev.passerelle.translate;

import java.util.Arrays;

/**
 * How far a hypothesis is through its sentence's constraints: which are met, and the one being
 * written (its index and how many of its tokens are out), if any. Immutable; one per hypothesis.
 */
record ConstraintProgress(boolean[] met, int current, int matched) {

    /** Nothing met yet. */
    static ConstraintProgress start(int constraints) {
        return new ConstraintProgress(new boolean[constraints], -1, 0);
    }

    /**
     * After {@code token}: a constraint being written advances on its next token and starts over on
     * any other; a token that opens an unmet constraint (the first such, in order) starts it;
     * one-token constraints are met at once.
     */
    ConstraintProgress advance(int token, int[][] constraints) {
        if (constraints.length == 0) {
            return this;
        }
        if (current >= 0 && constraints[current][matched] == token) {
            if (matched + 1 == constraints[current].length) {
                return new ConstraintProgress(with(current), -1, 0);
            }
            return new ConstraintProgress(met, current, matched + 1);
        }
        for (int c = 0; c < constraints.length; c++) {
            if (!met[c] && constraints[c][0] == token) {
                return constraints[c].length == 1 ? new ConstraintProgress(with(c), -1, 0)
                        : new ConstraintProgress(met, c, 1);
            }
        }
        return current < 0 ? this : new ConstraintProgress(met, -1, 0);
    }

    private boolean[] with(int c) {
        boolean[] m = Arrays.copyOf(met, met.length);
        m[c] = true;
        return m;
    }

    /** The tokens that would advance it: the next of the constraint being written, else the first of each unmet one. */
    int[] wanted(int[][] constraints) {
        if (current >= 0) {
            return new int[] {constraints[current][matched]};
        }
        int[] out = new int[constraints.length];
        int n = 0;
        for (int c = 0; c < constraints.length; c++) {
            if (!met[c]) {
                out[n++] = constraints[c][0];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Its bank: constraint tokens written, those of met constraints and of the one in progress. */
    int bank(int[][] constraints) {
        int n = current >= 0 ? matched : 0;
        for (int c = 0; c < met.length; c++) {
            n += met[c] ? constraints[c].length : 0;
        }
        return n;
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
