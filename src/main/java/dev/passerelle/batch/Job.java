package dev.passerelle.batch;

import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Hypothesis;
import java.util.concurrent.CompletableFuture;

/** One sentence waiting in the queue, with the request's decoding options and deadline. */
record Job(int[] ids, DecodeOptions options, long deadlineNanos, CompletableFuture<Hypothesis> result) {

    boolean expired(long now) {
        return now - deadlineNanos > 0;
    }
}
