package dev.passerelle.batch;

import dev.passerelle.translate.AbandonReason;
import dev.passerelle.translate.AbandonedException;

/**
 * What the scheduler answers when it cannot serve a request, counted for the metrics: too large for
 * the whole queue (413), queue full or shutting down (503 with Retry-After), and what an abandoned
 * request fails with.
 */
final class Refusals {

    private final BatchSettings settings;
    private final BatchListener listener;

    Refusals(BatchSettings settings, BatchListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** Throws when {@code n} more sentences cannot wait now, beside {@code waiting} others. */
    void checkRoom(int n, int waiting, boolean closing) {
        if (n > settings.queueCapacity()) {
            listener.rejected("too-large");
            throw new TooLargeException("the text has " + n + " sentences; at most "
                    + settings.queueCapacity() + " can wait for translation at once (passerelle.batch.queue-capacity): "
                    + "split it into parts of fewer sentences and send them one after another");
        }
        if (closing) {
            listener.rejected("shutdown");
            throw shuttingDown();
        }
        if (waiting + n > settings.queueCapacity()) {
            listener.rejected("queue-full");
            throw new OverloadedException("the translation queue is full (" + waiting + " sentences "
                    + "waiting); try again shortly", retryAfter());
        }
    }

    /** What a request abandoned for {@code reason} answers (never read when its client is gone). */
    RuntimeException abandoned(AbandonReason reason) {
        return switch (reason) {
            case DEADLINE -> new OverloadedException("the translation did not finish within "
                    + settings.deadline().toSeconds() + " s because the service is busy; try again shortly", retryAfter());
            case SHUTDOWN -> shuttingDown();
            case DISCONNECT -> new AbandonedException(reason, "the client closed the connection");
        };
    }

    OverloadedException interrupted() {
        return new OverloadedException("the request was interrupted", retryAfter());
    }

    private OverloadedException shuttingDown() {
        return new OverloadedException("the service is shutting down", retryAfter());
    }

    /** A guess at when the queue will have room: the time to drain half of it, at least a second. */
    private int retryAfter() {
        return (int) Math.max(1, Math.min(60, settings.deadline().toSeconds() / 4));
    }
}
