package dev.passerelle.summarize.trained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.passerelle.model.OnnxGraph;
import dev.passerelle.model.OnnxOptions;
import java.nio.FloatBuffer;

/**
 * The digest's ranking model: a small network trained on OrangeSum (tools/summarizer) that reads
 * {@link UnitFeatures} and predicts how many words of the journalist's abstract each unit shares,
 * run by ONNX Runtime through DJL. One instance serves every thread (the session is thread-safe);
 * each call's tensors live in a sub-manager closed before it returns.
 */
public final class OverlapModel implements AutoCloseable {

    /** The trained graph, a resource of the application (licence: summarizer/README.md beside it). */
    public static final String RESOURCE = "/summarizer/digest-ranker.onnx";
    static final String INPUT = "features";

    private final OnnxGraph graph;

    private OverlapModel(OnnxGraph graph) {
        this.graph = graph;
    }

    /** Loads the shipped graph. */
    public static OverlapModel load(OnnxOptions options) {
        OnnxGraph graph = OnnxGraph.loadResource(OverlapModel.class, RESOURCE, options);
        try {
            graph.requireInputs(java.util.List.of(INPUT));
            return new OverlapModel(graph);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The predicted overlap of each row of {@code features}. */
    public float[] predict(float[][] features) {
        int n = features.length;
        if (n == 0) {
            return new float[0];
        }
        int width = features[0].length;
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features[i], 0, flat, i * width, width);
        }
        try (NDManager manager = graph.newManager()) {
            NDArray input = manager.create(FloatBuffer.wrap(flat), new Shape(n, width), DataType.FLOAT32);
            input.setName(INPUT);
            NDList out = graph.run(new NDList(input));
            return out.get(0).toFloatArray();
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
