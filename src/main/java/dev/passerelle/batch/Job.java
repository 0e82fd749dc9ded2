package dev.passerelle.batch;

import dev.passerelle.translate.Hypothesis;
import dev.passerelle.translate.Source;
import java.util.concurrent.CompletableFuture;

/** One sentence of a queued request, and where its hypothesis goes. */
record Job(Source source, QueuedRequest owner, CompletableFuture<Hypothesis> result) {

    int[] ids() {
        return source.ids();
    }
}
