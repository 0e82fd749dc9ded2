package dev.passerelle.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.passerelle.model.OnnxGraph;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Scores a decoder step inside ONNX Runtime: the logits tensor the decoder returned goes straight
 * into a small graph (mask, LogSoftmax, TopK) and only each row's k best tokens come back to Java.
 * Reading every row's full logits into Java and exponentiating them there cost about 12 ms a step
 * at batch 24 on the 59,514-word vocabulary; the runtime's vectorised LogSoftmax takes under 1 ms.
 */
final class StepScorer {

    static final String GRAPH = "score_step.onnx";
    /** The same, with the log-probabilities of tokens asked for by row: for constrained search. */
    static final String WANTED_GRAPH = "score_step_wanted.onnx";
    /** Added to banned tokens' logits: far below any real logit, yet finite so sums stay defined. */
    private static final float BANNED = -1e30f;

    private final OnnxGraph graph;
    private final OnnxGraph wantedGraph;

    StepScorer(OnnxGraph graph, OnnxGraph wantedGraph) {
        this.graph = graph;
        this.wantedGraph = wantedGraph;
    }

    /** The additive mask that removes {@code banned} from a {@code vocab}-wide row, in {@code manager}. */
    NDArray mask(int vocab, int[] banned, NDManager manager) {
        float[] values = new float[vocab];
        for (int b : banned) {
            if (b >= 0 && b < vocab) {
                values[b] = BANNED;
            }
        }
        NDArray mask = manager.create(FloatBuffer.wrap(values), new Shape(vocab), DataType.FLOAT32);
        mask.setName("mask");
        return mask;
    }

    /**
     * The {@code k} best tokens of every row of {@code logits} ({@code [rows, 1, vocab]}); the
     * outputs land in the manager of {@code logits}.
     */
    StepScores score(NDArray logits, NDArray mask, int k) {
        return score(logits, mask, k, null);
    }

    /**
     * As {@link #score(NDArray, NDArray, int)}, with the log-probabilities of {@code wanted[row]}
     * (rows padded with their first token to the longest list; null or all empty: none).
     */
    StepScores score(NDArray logits, NDArray mask, int k, int[][] wanted) {
        Shape shape = logits.getShape();
        int rows = Math.toIntExact(shape.get(0));
        int m = wanted == null ? 0 : java.util.Arrays.stream(wanted).mapToInt(w -> w.length).max().orElse(0);
        NDArray kTensor = logits.getManager().create(LongBuffer.wrap(new long[] {k}), new Shape(1), DataType.INT64);
        kTensor.setName("k");
        String name = logits.getName();
        logits.setName("logits");
        try {
            if (m == 0) {
                NDList out = graph.run(new NDList(logits, mask, kTensor));
                return new StepScores(rows, k, out.get("tokens").toLongArray(), out.get("scores").toFloatArray());
            }
            long[] ids = new long[rows * m];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < m; j++) {
                    int[] w = wanted[r];
                    ids[r * m + j] = w.length == 0 ? 0 : w[Math.min(j, w.length - 1)];
                }
            }
            NDArray wantedTensor = logits.getManager().create(LongBuffer.wrap(ids), new Shape(rows, 1, m), DataType.INT64);
            wantedTensor.setName("wanted");
            NDList out = wantedGraph.run(new NDList(logits, mask, kTensor, wantedTensor));
            return new StepScores(rows, k, out.get("tokens").toLongArray(), out.get("scores").toFloatArray(), m, ids,
                    out.get("wanted_scores").toFloatArray());
        } finally {
            logits.setName(name);
        }
    }
}
