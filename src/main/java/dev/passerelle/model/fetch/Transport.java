package dev.passerelle.model.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a fetch talks to the server.
 *
 * @param token bearer token (HF_TOKEN) sent only to the configured server, or null
 * @param allowHttp accept a plain {@code http://} server (files and token travel unencrypted)
 * @param stallTimeout how long a download may go without receiving a byte before it is dropped and resumed
 */
public record Transport(String token, boolean allowHttp, Duration stallTimeout) {

    /** Long enough for a slow mirror under load, short enough that a dead connection is noticed. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

    public Transport {
        token = token == null || token.isBlank() ? null : token;
        stallTimeout = Objects.requireNonNullElse(stallTimeout, DEFAULT_STALL_TIMEOUT);
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("the stall timeout must be positive, not " + stallTimeout);
        }
    }
}
