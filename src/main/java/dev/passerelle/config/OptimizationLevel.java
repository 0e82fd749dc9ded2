package dev.passerelle.config;

/** ONNX Runtime's graph optimisation levels ({@code passerelle.onnx.optimization-level}), by its own names. */
public enum OptimizationLevel {
    NO_OPT,
    BASIC_OPT,
    EXTENDED_OPT,
    ALL_OPT
}
