package dev.passerelle.security;

import dev.passerelle.config.PasserelleConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured keys, stored as SHA-256 hashes only. A presented key is hashed and compared with
 * every configured hash in constant time, so neither the secret nor its position leaks by timing.
 */
@ApplicationScoped
@Startup // checked at startup: keys on but none configured must stop the start, not fail every call
public class ApiKeys {

    private final boolean enabled;
    private final List<ApiKey> keys;

    @Inject
    ApiKeys(PasserelleConfig config) {
        this(config.auth().enabled(), parse(config.auth().keys().orElse(List.of()), config.auth().requestsPerMinute()));
    }

    ApiKeys(boolean enabled, List<ApiKey> keys) {
        this.enabled = enabled;
        this.keys = List.copyOf(keys);
        if (enabled && keys.isEmpty()) {
            throw new IllegalStateException("passerelle.auth.enabled is true but passerelle.auth.keys "
                    + "(PASSERELLE_AUTH_KEYS) lists no key: refusing to start rather than answer every /v1 call "
                    + "with an error. On Kubernetes, create the passerelle-api-keys Secret (key \"keys\"; see "
                    + "deploy/kubernetes/README.md) or set PASSERELLE_AUTH_ENABLED to false");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** The key whose hash matches {@code presented}, if any. */
    public Optional<ApiKey> find(String presented) {
        byte[] hash = sha256(presented);
        ApiKey found = null;
        for (ApiKey k : keys) {
            if (MessageDigest.isEqual(hash, k.sha256()) && found == null) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Parses {@code name:sha256-hex[:requests-per-minute[:endpoint+endpoint]]} entries. */
    static List<ApiKey> parse(List<String> entries, int defaultRpm) {
        List<ApiKey> out = new ArrayList<>();
        for (String entry : entries) {
            String[] f = entry.strip().split(":");
            String hex = f.length > 1 ? f[1].replaceFirst("^sha256=", "") : "";
            if (f.length < 2 || f.length > 4 || f[0].isBlank() || !hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException("passerelle.auth.keys: \"" + f[0] + ":...\" must be "
                        + "name:sha256-hex[:requests-per-minute[:endpoint+endpoint]] (make the hash with hash-key)");
            }
            int rpm = f.length > 2 && !f[2].isBlank() ? Integer.parseInt(f[2]) : defaultRpm;
            Set<String> endpoints = f.length > 3 ? Set.of(f[3].split("\\+")) : Set.of();
            out.add(new ApiKey(f[0], HexFormat.of().parseHex(hex.toLowerCase()), rpm, endpoints));
        }
        return out;
    }

    /** SHA-256 of a key's UTF-8 bytes. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
