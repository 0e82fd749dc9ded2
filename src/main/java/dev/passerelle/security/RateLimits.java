package dev.passerelle.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Per-key token buckets (Bucket4j): a key gets its requests per minute, refilled continuously. */
@ApplicationScoped
public class RateLimits {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one request from {@code key}'s bucket; empty when allowed, else seconds to wait. */
    public OptionalLong take(ApiKey key) {
        if (key.requestsPerMinute() <= 0) {
            return OptionalLong.empty();
        }
        Bucket bucket = buckets.computeIfAbsent(key.name(), n -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(key.requestsPerMinute())
                        .refillGreedy(key.requestsPerMinute(), Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
