package dev.passerelle.security;

import dev.passerelle.config.PasserelleConfig;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-key budgets (Bucket4j), refilled continuously: the key's requests per minute, and characters
 * of accepted text per minute ({@code passerelle.auth.chars-per-minute}), since one request may
 * carry 100,000 characters and another ten. Keys are configured, so the maps stay small.
 */
@ApplicationScoped
public class RateLimits {

    private final int charsPerMinute;
    private final ConcurrentMap<String, Bucket> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> chars = new ConcurrentHashMap<>();

    RateLimits(PasserelleConfig config) {
        this.charsPerMinute = config.auth().charsPerMinute();
    }

    /** Takes one request from {@code key}'s bucket; empty when allowed. */
    public Optional<Refusal> take(ApiKey key) {
        int rpm = key.requestsPerMinute();
        if (rpm <= 0) {
            return Optional.empty();
        }
        Bucket bucket = requests.computeIfAbsent(key.name(), n -> PerMinute.bucket(rpm));
        return PerMinute.take(bucket, rpm, 1, "the key \"" + key.name() + "\" is limited to " + rpm
                + " requests per minute");
    }

    /** Takes {@code n} characters from {@code key}'s budget; empty when allowed. */
    public Optional<Refusal> takeChars(ApiKey key, int n) {
        if (charsPerMinute <= 0) {
            return Optional.empty();
        }
        Bucket bucket = chars.computeIfAbsent(key.name(), k -> PerMinute.bucket(charsPerMinute));
        return PerMinute.take(bucket, charsPerMinute, n, "the key \"" + key.name() + "\" is limited to "
                + charsPerMinute + " characters of text per minute (passerelle.auth.chars-per-minute)");
    }
}
