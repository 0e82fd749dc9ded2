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
 * Row gathering along the batch axis. Float tensors of rank 4 (the KV caches, large and reordered
 * at every beam-search step) go through a one-node ONNX graph, so ONNX Runtime copies them natively
 * and the result stays a runtime tensor; the small rest (masks, encoder states) is copied through
 * Java arrays, since DJL's OnnxRuntime engine has no tensor operators of its own.
 */
final class TensorRows {

    static final String GRAPH = "gather_rows.onnx";

    private final OnnxGraph gather;

    TensorRows(OnnxGraph gather) {
        this.gather = gather;
    }

    /** Rows {@code rows} of {@code a} as a new tensor in {@code manager}; {@code a} is left as it is. */
    NDArray select(NDArray a, int[] rows, NDManager manager) {
        if (a.getDataType() != DataType.FLOAT32 || a.getShape().dimension() != 4) {
            return gather(a, rows, manager);
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray indices = scratch.create(LongBuffer.wrap(java.util.Arrays.stream(rows).asLongStream().toArray()),
                    new Shape(rows.length), DataType.INT64);
            indices.setName("indices");
            String name = a.getName();
            a.setName("data");
            try {
                // Outputs land in the manager of the first input, the cache's own manager.
                NDArray out = gather.run(new NDList(a, indices)).get("gathered");
                out.attach(manager);
                return out;
            } finally {
                a.setName(name);
            }
        }
    }

    /** A new tensor, in {@code manager}, holding rows {@code rows} of {@code a} (repeats allowed). */
    private static NDArray gather(NDArray a, int[] rows, NDManager manager) {
        Shape shape = a.getShape();
        int rowSize = Math.toIntExact(shape.size() / shape.get(0));
        long[] dims = shape.getShape().clone();
        dims[0] = rows.length;
        Shape out = new Shape(dims);
        if (a.getDataType() == DataType.FLOAT32) {
            float[] src = a.toFloatArray();
            float[] dst = new float[rows.length * rowSize];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(src, rows[i] * rowSize, dst, i * rowSize, rowSize);
            }
            return manager.create(FloatBuffer.wrap(dst), out, DataType.FLOAT32);
        }
        if (a.getDataType() == DataType.INT64) {
            long[] src = a.toLongArray();
            long[] dst = new long[rows.length * rowSize];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(src, rows[i] * rowSize, dst, i * rowSize, rowSize);
            }
            return manager.create(LongBuffer.wrap(dst), out, DataType.INT64);
        }
        throw new IllegalArgumentException("cannot gather rows of a " + a.getDataType() + " tensor");
    }
}
