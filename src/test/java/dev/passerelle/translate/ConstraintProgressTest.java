package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each constraint follows the output on its own: restarts, shared starts and repeats are met when written. */
class ConstraintProgressTest {

    private static boolean[] after(int[][] constraints, int... tokens) {
        ConstraintProgress p = ConstraintProgress.start(constraints.length);
        for (int t : tokens) {
            p = p.advance(t, constraints);
        }
        return p.met();
    }

    @Test
    void aTermWhoseStartRepeatsIsMet() {
        assertArrayEquals(new boolean[] {true}, after(new int[][] {{1, 1, 2}}, 1, 1, 1, 2));
    }

    @Test
    void termsSharingTheirStartAreEachFollowed() {
        assertArrayEquals(new boolean[] {false, true}, after(new int[][] {{1, 2}, {1, 3}}, 1, 3));
        // "Moscow City" and "Moscow": writing "Moscow." meets the second.
        assertArrayEquals(new boolean[] {false, true}, after(new int[][] {{7, 8, 9, 10}, {7, 8, 9}}, 7, 8, 9, 11));
        assertArrayEquals(new boolean[] {false, true}, after(new int[][] {{1, 2, 3}, {1}}, 1, 9));
    }

    @Test
    void oneOccurrenceMeetsOneConstraint() {
        assertArrayEquals(new boolean[] {true, false}, after(new int[][] {{5}, {5}}, 5));
        assertArrayEquals(new boolean[] {true, true}, after(new int[][] {{5}, {5}}, 5, 5));
    }

    @Test
    void wantedAndBank() {
        int[][] c = {{1, 2}, {1, 3}, {4}};
        ConstraintProgress p = ConstraintProgress.start(3).advance(1, c);
        assertArrayEquals(new int[] {2, 3, 4}, p.wanted(c));
        assertEquals(1, p.bank(c));
        p = p.advance(3, c);
        assertArrayEquals(new int[] {1, 4}, p.wanted(c));
        assertEquals(2, p.bank(c));
    }
}
