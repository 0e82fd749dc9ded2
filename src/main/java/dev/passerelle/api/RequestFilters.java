package dev.passerelle.api;

import dev.passerelle.metrics.PasserelleMetrics;
import dev.passerelle.security.ApiKey;
import dev.passerelle.security.ApiKeys;
import dev.passerelle.security.AnonymousLimits;
import dev.passerelle.security.TextBudget;
import dev.passerelle.security.RateLimits;
import dev.passerelle.security.Refusal;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every request goes through before a resource: a request id (taken from
 * {@code X-Request-Id} or made up, logged with every line and echoed back), and, when keys are
 * configured, authentication and the key's rate limit, else the per-address limits of anonymous
 * callers. The body size is counted earlier, by {@link BodyLimitRoutes}.
 */
public class RequestFilters {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ApiKeys keys;
    private final RateLimits limits;
    private final AnonymousLimits anonymous;
    private final TextBudget budget;
    private final PasserelleMetrics metrics;

    RequestFilters(ApiKeys keys, RateLimits limits, AnonymousLimits anonymous, TextBudget budget, PasserelleMetrics metrics) {
        this.keys = keys;
        this.limits = limits;
        this.anonymous = anonymous;
        this.budget = budget;
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Optional<Response> requestId(ContainerRequestContext request) {
        String id = requestId(request.getHeaderString(REQUEST_ID));
        request.setProperty(REQUEST_ID, id);
        MDC.put("requestId", id);
        return Optional.empty();
    }

    /** The caller's request id if it is safe to log and echo, else a new one. */
    static String requestId(String given) {
        return given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @ServerRequestFilter(priority = 30)
    public Optional<Response> apiKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!keys.enabled() || !path.startsWith("/v1/")) {
            return Optional.empty();
        }
        String presented = presentedKey(request);
        if (presented == null) {
            return Optional.of(unauthorized("an API key is required: send \"Authorization: Bearer <key>\" or \"X-API-Key: <key>\""));
        }
        Optional<ApiKey> key = keys.find(presented);
        if (key.isEmpty()) {
            return Optional.of(unauthorized("the API key is not valid"));
        }
        String endpoint = path.substring("/v1/".length()).split("/")[0];
        if (!key.get().allows(endpoint)) {
            return Optional.of(fail(403, "Forbidden", "the key \"" + key.get().name() + "\" may not call /v1/" + endpoint, null));
        }
        Optional<Refusal> refused = limits.take(key.get());
        if (refused.isPresent()) {
            return Optional.of(tooMany(refused.get()));
        }
        budget.key(key.get());
        MDC.put("apiKey", key.get().name());
        return Optional.empty();
    }

    /**
     * Without keys, callers are told apart by their address: the peer of the connection, or the
     * forwarded client only where {@code quarkus.http.proxy.proxy-address-forwarding} says a
     * trusted proxy sets it (X-Forwarded-For is anyone's to write otherwise). Only the work
     * endpoints (POST) count: the page reads {@code /v1/models} on every load.
     */
    @ServerRequestFilter(priority = 31)
    public Optional<Response> anonymous(ContainerRequestContext request, HttpServerRequest http) {
        if (keys.enabled() || !anonymous.enabled() || !"POST".equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/v1/")) {
            return Optional.empty();
        }
        SocketAddress peer = http.remoteAddress();
        String address = peer == null ? "unknown" : peer.hostAddress();
        Optional<Refusal> refused = anonymous.take(address);
        if (refused.isPresent()) {
            return Optional.of(tooMany(refused.get()));
        }
        budget.address(address);
        return Optional.empty();
    }

    private Response tooMany(Refusal refusal) {
        return fail(429, "Too Many Requests", refusal.limit(), (int) refusal.retryAfterSeconds());
    }

    private static String presentedKey(ContainerRequestContext request) {
        String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        String header = request.getHeaderString("X-API-Key");
        return header == null ? null : header.strip();
    }

    private Response unauthorized(String detail) {
        Response r = fail(401, "Unauthorized", detail, null);
        r.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"passerelle\"");
        return r;
    }

    private Response fail(int status, String title, String detail, Integer retryAfter) {
        metrics.error(status);
        return ProblemMappers.build(status, title, detail, retryAfter);
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(REQUEST_ID, id);
        }
        MDC.remove("requestId");
        MDC.remove("apiKey");
    }
}
