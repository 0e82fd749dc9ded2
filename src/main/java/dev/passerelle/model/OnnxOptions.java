package dev.passerelle.model;

import java.util.Map;
import org.jboss.logging.Logger;

/**
 * ONNX Runtime settings for every graph of a model. All sessions share the runtime's one global
 * thread pool: with a pool per session, the pool of the graph that just ran kept spinning while
 * the next graph (the step scorer, the row gather) ran on the same cores, which cost 40% of a
 * decoder step at batch 24 on two cores.
 */
public record OnnxOptions(int intraOpThreads, int interOpThreads, String optimizationLevel) {

    public static final OnnxOptions DEFAULT = new OnnxOptions(0, 1, "ALL_OPT");

    private static final Logger LOG = Logger.getLogger(OnnxOptions.class);
    /** Thread counts of the global pool, fixed by the first sizing in this process (GraphLoader's, before the engine starts). */
    private static OnnxOptions poolStartedWith;

    /** Sizes the runtime's global pool from these options; only the first call before the engine starts counts. */
    void sizePool() {
        sizeSharedPool(this);
    }

    /** The option map DJL's OnnxRuntime engine reads in {@code Model.load}. */
    Map<String, String> djlOptions() {
        sizeSharedPool(this);
        return Map.of(
                "optLevel", optimizationLevel,
                "memoryPatternOptimization", "true",
                "cpuArenaAllocator", "true",
                "disablePerSessionThreads", "true");
    }

    /**
     * DJL creates the runtime's environment, and with it the global pool, from two system
     * properties when its engine first starts; later loads cannot resize the pool.
     */
    private static synchronized void sizeSharedPool(OnnxOptions wanted) {
        if (poolStartedWith == null) {
            poolStartedWith = wanted;
            if (wanted.intraOpThreads > 0) {
                System.setProperty("ai.djl.onnxruntime.num_threads", Integer.toString(wanted.intraOpThreads));
            }
            if (wanted.interOpThreads > 0) {
                System.setProperty("ai.djl.onnxruntime.num_interop_threads", Integer.toString(wanted.interOpThreads));
            }
        } else if (poolStartedWith.intraOpThreads != wanted.intraOpThreads
                || poolStartedWith.interOpThreads != wanted.interOpThreads) {
            LOG.warnf("ONNX Runtime's thread pool already runs with intra-op %d / inter-op %d threads; "
                    + "%d / %d take effect after a restart", poolStartedWith.intraOpThreads,
                    poolStartedWith.interOpThreads, wanted.intraOpThreads, wanted.interOpThreads);
        }
    }
}
