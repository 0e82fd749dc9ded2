package dev.passerelle.batch;

import dev.passerelle.translate.Hypothesis;
import java.util.concurrent.CompletableFuture;

/** One sentence of a queued request, and where its hypothesis goes. */
record Job(int[] ids, QueuedRequest owner, CompletableFuture<Hypothesis> result) {
}
