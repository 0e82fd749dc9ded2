package dev.passerelle.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who sent the current request, as the request filters found it (a key, or a client address when
 * keys are off), so that the text budget is charged once the text is accepted: only then is its
 * length known and worth counting.
 */
@RequestScoped
public class TextBudget {

    private final RateLimits keys;
    private final AnonymousLimits anonymous;
    private ApiKey key;
    private String address;

    TextBudget(RateLimits keys, AnonymousLimits anonymous) {
        this.keys = keys;
        this.anonymous = anonymous;
    }

    public void key(ApiKey key) {
        this.key = key;
    }

    /** The sentence-cache partition of this request: its key's name, or "" (one shared partition) without keys. */
    public String partition() {
        return key == null ? "" : key.name();
    }

    public void address(String address) {
        this.address = address;
    }

    /** Charges {@code chars} characters of accepted text to the caller; empty when allowed. */
    public Optional<Refusal> charge(int chars) {
        if (key != null) {
            return keys.takeChars(key, chars);
        }
        return address == null ? Optional.empty() : anonymous.takeChars(address, chars);
    }
}
