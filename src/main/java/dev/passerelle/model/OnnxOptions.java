package dev.passerelle.model;

import java.util.Map;

/** ONNX Runtime session settings applied to every graph of a model. */
public record OnnxOptions(int intraOpThreads, int interOpThreads, String optimizationLevel) {

    public static final OnnxOptions DEFAULT = new OnnxOptions(0, 1, "ALL_OPT");

    /** The option map DJL's OnnxRuntime engine reads in {@code Model.load}. */
    Map<String, String> djlOptions() {
        // DJL's OrtModel only applied intraOpNumThreads together with interOpNumThreads: set both.
        return Map.of(
                "intraOpNumThreads", Integer.toString(intraOpThreads),
                "interOpNumThreads", Integer.toString(interOpThreads),
                "optLevel", optimizationLevel,
                "memoryPatternOptimization", "true",
                "cpuArenaAllocator", "true");
    }
}
