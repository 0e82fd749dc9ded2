package dev.passerelle.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.passerelle.config.PasserelleConfig;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Budgets of callers without a key (API keys off), per client address: requests and characters
 * per minute. The buckets live in a bounded Caffeine cache, so a flood of addresses costs at most
 * {@code passerelle.limits.anonymous-addresses} entries; one idle for a minute has refilled
 * completely, so dropping it then forgets nothing. An IPv6 client is keyed by its /64, the block
 * one subscriber gets, so rotating through it does not make new callers.
 */
@ApplicationScoped
public class AnonymousLimits {

    /** One address's two buckets (either null when that limit is off). */
    record Budget(Bucket requests, Bucket chars) {
    }

    private final int requestsPerMinute;
    private final int charsPerMinute;
    private final Cache<String, Budget> budgets;

    AnonymousLimits(PasserelleConfig config) {
        this.requestsPerMinute = config.limits().anonymousRequestsPerMinute();
        this.charsPerMinute = config.limits().anonymousCharsPerMinute();
        this.budgets = Caffeine.newBuilder()
                .maximumSize(config.limits().anonymousAddresses())
                .expireAfterAccess(Duration.ofMinutes(1))
                .build();
    }

    /** Whether any anonymous limit is on. */
    public boolean enabled() {
        return requestsPerMinute > 0 || charsPerMinute > 0;
    }

    /** Takes one request from {@code address}'s budget; empty when allowed. */
    public Optional<Refusal> take(String address) {
        if (requestsPerMinute <= 0) {
            return Optional.empty();
        }
        return PerMinute.take(budget(address).requests(), requestsPerMinute, 1, "callers without an API key are "
                + "limited to " + requestsPerMinute + " requests per minute per address "
                + "(passerelle.limits.anonymous-requests-per-minute)");
    }

    /** Takes {@code n} characters from {@code address}'s budget; empty when allowed. */
    public Optional<Refusal> takeChars(String address, int n) {
        if (charsPerMinute <= 0) {
            return Optional.empty();
        }
        return PerMinute.take(budget(address).chars(), charsPerMinute, n, "callers without an API key are "
                + "limited to " + charsPerMinute + " characters of text per minute per address "
                + "(passerelle.limits.anonymous-chars-per-minute)");
    }

    /** How many addresses are tracked now (for tests of the bound). */
    long tracked() {
        budgets.cleanUp();
        return budgets.estimatedSize();
    }

    /**
     * The key of a client address: an IPv4 address whole, an IPv6 one by its /64 prefix (an
     * IPv4-mapped one as its IPv4 address); anything else as it is.
     */
    static String key(String address) {
        // Only IPv6 literals are parsed: they contain ':', so getByName never resolves a name.
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal = address.replace("[", "").replace("]", "");
        int zone = literal.indexOf('%');
        try {
            InetAddress ip = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone));
            if (!(ip instanceof Inet6Address)) {
                return ip.getHostAddress(); // IPv4-mapped: Java gives the IPv4 address
            }
            return HexFormat.of().formatHex(ip.getAddress(), 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private Budget budget(String address) {
        return budgets.get(key(address), a -> new Budget(
                requestsPerMinute > 0 ? PerMinute.bucket(requestsPerMinute) : null,
                charsPerMinute > 0 ? PerMinute.bucket(charsPerMinute) : null));
    }
}
