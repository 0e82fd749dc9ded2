package dev.passerelle.batch;

import dev.passerelle.translate.AbandonReason;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Hypothesis;
import dev.passerelle.translate.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One generator call in the scheduler: its caller, options and deadline, all its sentences, and
 * those not yet taken into a batch ({@link #waiting}, guarded by the scheduler's lock).
 */
final class QueuedRequest {

    private final Caller caller;
    private final DecodeOptions options;
    private final long deadlineNanos;
    private final List<Job> jobs;
    private final ArrayDeque<Job> waiting;
    private volatile AbandonReason abandoned;

    QueuedRequest(Caller caller, DecodeOptions options, long deadlineNanos, List<Source> sources) {
        this.caller = caller;
        this.options = options;
        this.deadlineNanos = deadlineNanos;
        List<Job> all = new ArrayList<>(sources.size());
        for (Source s : sources) {
            all.add(new Job(s, this, new CompletableFuture<>()));
        }
        this.jobs = List.copyOf(all);
        this.waiting = new ArrayDeque<>(all);
    }

    DecodeOptions options() {
        return options;
    }

    List<Job> jobs() {
        return jobs;
    }

    ArrayDeque<Job> waiting() {
        return waiting;
    }

    long remainingNanos(long now) {
        return Math.max(0, deadlineNanos - now);
    }

    /** Why nobody wants these sentences any more (already abandoned, client gone, deadline), or empty. */
    Optional<AbandonReason> unwanted(long now) {
        if (abandoned != null) {
            return Optional.of(abandoned);
        }
        if (caller.gone().getAsBoolean()) {
            return Optional.of(AbandonReason.DISCONNECT);
        }
        return now - deadlineNanos >= 0 ? Optional.of(AbandonReason.DEADLINE) : Optional.empty();
    }

    /** The cheap per-row, per-step check of a running batch. */
    boolean unwantedNow() {
        return unwanted(System.nanoTime()).isPresent();
    }

    /**
     * Marks the request abandoned (a running batch drops its rows at the next step) and fails every
     * sentence not done yet with {@code failure}; returns how many that was.
     */
    int abandon(AbandonReason reason, RuntimeException failure) {
        if (abandoned == null) {
            abandoned = reason;
        }
        int dropped = 0;
        for (Job j : jobs) {
            if (j.result().completeExceptionally(failure)) {
                dropped++;
            }
        }
        return dropped;
    }

    /** Every hypothesis, in order; only once all are done. */
    List<Hypothesis> results() {
        return jobs.stream().map(j -> j.result().join()).toList();
    }
}
