package dev.passerelle.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Row gathering along the batch axis. DJL's OnnxRuntime engine has no tensor operators of its
 * own, so rows are copied through Java arrays.
 */
final class TensorRows {

    private TensorRows() {
    }

    /** A new tensor, in {@code manager}, holding rows {@code rows} of {@code a} (repeats allowed). */
    static NDArray gather(NDArray a, int[] rows, NDManager manager) {
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
