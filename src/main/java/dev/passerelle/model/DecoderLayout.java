package dev.passerelle.model;

/** Which decoder graphs a model folder provides and the engine runs. */
public enum DecoderLayout {
    /** {@code decoder_model.onnx} for the first step, {@code decoder_with_past_model.onnx} after it. */
    SPLIT,
    /** {@code decoder_model_merged.onnx}, switching branches on {@code use_cache_branch}. */
    MERGED
}
