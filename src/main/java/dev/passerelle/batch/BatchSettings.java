package dev.passerelle.batch;

import dev.passerelle.translate.BatchLimits;
import java.time.Duration;

/**
 * How requests are batched together.
 *
 * @param maxWait how long a batch that is not full waits for more sentences
 * @param queueCapacity sentences that may wait; beyond, requests are refused with 503
 * @param deadline longest a request waits for its sentences before it is answered 503
 * @param workers threads running batches (ONNX Runtime already spreads one batch over the cores)
 * @param limits how big one batch may grow (the engine's own limits)
 */
public record BatchSettings(Duration maxWait, int queueCapacity, Duration deadline, int workers, BatchLimits limits) {

    /** Settings with the default batch limits. */
    public BatchSettings(Duration maxWait, int queueCapacity, Duration deadline, int workers) {
        this(maxWait, queueCapacity, deadline, workers, BatchLimits.DEFAULT);
    }
}
