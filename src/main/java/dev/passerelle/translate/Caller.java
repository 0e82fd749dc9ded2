package dev.passerelle.translate;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The request a translation is for, passed explicitly down the pipeline: one deadline for all of
 * the request's work (every chunk of a stream, every generator call of a digest), whether its client
 * is gone, and the cache partition its results may be shared in (the API key's name, or "").
 *
 * @param deadlineNanos {@link System#nanoTime()} after which the request gives up
 * @param gone true once nobody waits for the answer any more
 * @param partition sentences are cached and found again only within one partition
 */
public record Caller(long deadlineNanos, BooleanSupplier gone, String partition) {

    /** Far enough to never come, near enough that {@code nanoTime} differences cannot overflow. */
    private static final long FOREVER = Long.MAX_VALUE / 4;

    /** No deadline, never gone, the shared partition: for the commands, the warm-up and tests. */
    public static final Caller UNBOUNDED = new Caller(System.nanoTime() + FOREVER, () -> false, "");

    /** A caller that gives up {@code timeout} from now. */
    public static Caller within(Duration timeout, BooleanSupplier gone, String partition) {
        return new Caller(System.nanoTime() + timeout.toNanos(), gone, partition);
    }

    /** Nanoseconds until the deadline, 0 once past. */
    public long remainingNanos() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** Why nobody wants this translation any more, or empty while it is still wanted. */
    public Optional<AbandonReason> abandoned() {
        if (gone.getAsBoolean()) {
            return Optional.of(AbandonReason.DISCONNECT);
        }
        return System.nanoTime() - deadlineNanos >= 0 ? Optional.of(AbandonReason.DEADLINE) : Optional.empty();
    }
}
