package dev.passerelle.model;

/** Precision of the model's graphs: the plain float graphs or their int8 {@code *_quantized.onnx} copies. */
public enum Variant {
    /** {@code encoder_model.onnx}, ... */
    FP32(""),
    /** {@code encoder_model_quantized.onnx}, ...: int8 weights, a third of the memory. */
    QUANTIZED("_quantized");

    private final String fileSuffix;

    Variant(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** What the graph file names of this variant end with before {@code .onnx}. */
    public String fileSuffix() {
        return fileSuffix;
    }

    /** The name used in settings, manifests and answers ({@code fp32}, {@code quantized}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
