package dev.passerelle.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/** Bucket4j buckets of so many units a minute, refilled continuously, and taking from them. */
final class PerMinute {

    private PerMinute() {
    }

    static Bucket bucket(long perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    /** Takes {@code n} units; empty when allowed, else the refusal described by {@code limit}. */
    static Optional<Refusal> take(Bucket bucket, long perMinute, long n, String limit) {
        if (n > perMinute) {
            // Would never fit, however long the caller waits: say so instead of a useless Retry-After.
            return Optional.of(new Refusal(limit, 0, true));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(n);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Optional.of(new Refusal(limit, seconds, false));
    }
}
