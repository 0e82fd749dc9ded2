package dev.passerelle.security;

import java.util.Set;

/**
 * A configured API key: its name (for logs and rate limits), the SHA-256 of the secret, its
 * requests per minute (0 = unlimited) and the endpoints it may call (empty = all).
 */
public record ApiKey(String name, byte[] sha256, int requestsPerMinute, Set<String> endpoints) {

    public boolean allows(String endpoint) {
        return endpoints.isEmpty() || endpoints.contains(endpoint);
    }
}
