package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.passerelle.model.OnnxGraph;
import dev.passerelle.model.OnnxOptions;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-runtime step scorer against the same arithmetic done plainly in Java, in double precision. */
class StepScorerTest {

    private static final int VOCAB = 1000;
    private static OnnxGraph graph;
    private static StepScorer scorer;

    @BeforeAll
    static void load() {
        graph = OnnxGraph.loadResource(MarianEngine.class, StepScorer.GRAPH, OnnxOptions.DEFAULT);
        scorer = new StepScorer(graph, null);
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void bestTokensAndLogProbabilitiesOverTheAllowedVocabulary() {
        int rows = 3;
        int k = 5;
        float[] logits = new float[rows * VOCAB];
        Random random = new Random(7);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 4);
        }
        int banned = 17;
        logits[VOCAB + banned] = 100; // the banned token would win row 1 by far
        logits[2 * VOCAB + 3] = 50;   // a tie in row 2: the lower id ranks first
        logits[2 * VOCAB + 9] = 50;
        try (NDManager manager = graph.newManager()) {
            NDArray tensor = manager.create(FloatBuffer.wrap(logits), new Shape(rows, 1, VOCAB), DataType.FLOAT32);
            StepScores scores = scorer.score(tensor, scorer.mask(VOCAB, new int[] {banned}, manager), k);
            assertEquals(rows, scores.rows());
            for (int r = 0; r < rows; r++) {
                int[] expected = topAllowed(logits, r, k, banned);
                double logZ = logSumExp(logits, r, banned);
                for (int rank = 0; rank < k; rank++) {
                    assertEquals(expected[rank], scores.token(r, rank), "row " + r + " rank " + rank);
                    assertEquals(logits[r * VOCAB + expected[rank]] - logZ, scores.logProb(r, rank), 1e-4);
                }
            }
            assertEquals(3, scores.token(2, 0));
            assertEquals(9, scores.token(2, 1));
        }
    }

    private static int[] topAllowed(float[] logits, int row, int k, int banned) {
        int[] top = new int[k];
        boolean[] taken = new boolean[VOCAB];
        taken[banned] = true;
        for (int rank = 0; rank < k; rank++) {
            int best = -1;
            for (int v = 0; v < VOCAB; v++) {
                if (!taken[v] && (best < 0 || logits[row * VOCAB + v] > logits[row * VOCAB + best])) {
                    best = v;
                }
            }
            taken[best] = true;
            top[rank] = best;
        }
        return top;
    }

    private static double logSumExp(float[] logits, int row, int banned) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < VOCAB; v++) {
            if (v != banned) {
                max = Math.max(max, logits[row * VOCAB + v]);
            }
        }
        double sum = 0;
        for (int v = 0; v < VOCAB; v++) {
            if (v != banned) {
                sum += Math.exp(logits[row * VOCAB + v] - max);
            }
        }
        return max + Math.log(sum);
    }
}
