package dev.passerelle.translate;

/**
 * Detects degenerate loops ("the the the ...", "ini ini ini ...") that opus-mt produces on noisy
 * input: the last {@code p} tokens repeated back to back too many times, for a short period p.
 */
final class RepetitionGuard {

    static final int MAX_PERIOD = 8;
    /** A period of two or more tokens may appear this many times in a row before the guard fires. */
    static final int MAX_REPEATS = 3;
    /** A single token may appear this many times in a row (numbers, "..." pieces) before it fires. */
    static final int MAX_SAME_TOKEN = 6;

    private RepetitionGuard() {
    }

    /**
     * Length to truncate {@code tokens[0..length)} to, keeping one copy of the repeated block, or
     * -1 when the tail is not degenerate.
     */
    static int truncatedLength(int[] tokens, int length) {
        for (int p = 1; p <= MAX_PERIOD && 2 * p <= length; p++) {
            int repeats = 1;
            while ((repeats + 1) * p <= length && sameBlock(tokens, length, p, repeats)) {
                repeats++;
            }
            int limit = p == 1 ? MAX_SAME_TOKEN : MAX_REPEATS;
            if (repeats > limit) {
                return length - (repeats - 1) * p;
            }
        }
        return -1;
    }

    /** Whether the block {@code repeats} periods back equals the last block. */
    private static boolean sameBlock(int[] tokens, int length, int p, int repeats) {
        int last = length - p;
        int earlier = length - (repeats + 1) * p;
        for (int i = 0; i < p; i++) {
            if (tokens[last + i] != tokens[earlier + i]) {
                return false;
            }
        }
        return true;
    }
}
