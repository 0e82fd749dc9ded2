package dev.passerelle.api;

import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.metrics.PasserelleMetrics;
import dev.passerelle.security.ApiKey;
import dev.passerelle.security.ApiKeys;
import dev.passerelle.security.RateLimits;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every request goes through before a resource: a request id (taken from
 * {@code X-Request-Id} or made up, logged with every line and echoed back), the body size limit,
 * and, when keys are configured, authentication and the key's rate limit.
 */
public class RequestFilters {

    static final String REQUEST_ID = "X-Request-Id";
    static final String API_KEY_NAME = "passerelle.api-key";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final PasserelleConfig config;
    private final ApiKeys keys;
    private final RateLimits limits;
    private final PasserelleMetrics metrics;

    RequestFilters(PasserelleConfig config, ApiKeys keys, RateLimits limits, PasserelleMetrics metrics) {
        this.config = config;
        this.keys = keys;
        this.limits = limits;
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Optional<Response> requestId(ContainerRequestContext request) {
        String given = request.getHeaderString(REQUEST_ID);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID, id);
        MDC.put("requestId", id);
        return Optional.empty();
    }

    @ServerRequestFilter(preMatching = true, priority = 20)
    public Optional<Response> bodySize(ContainerRequestContext request) {
        long max = config.limits().maxBodyBytes();
        if (request.getLength() > max) {
            return Optional.of(fail(413, "Payload Too Large", "the body has " + request.getLength()
                    + " bytes; the limit is " + max + " (passerelle.limits.max-body-bytes)", null));
        }
        return Optional.empty();
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
        OptionalLong wait = limits.take(key.get());
        if (wait.isPresent()) {
            return Optional.of(fail(429, "Too Many Requests", "the key \"" + key.get().name() + "\" is limited to "
                    + key.get().requestsPerMinute() + " requests per minute", (int) wait.getAsLong()));
        }
        request.setProperty(RequestFilters.API_KEY_NAME, key.get().name());
        MDC.put("apiKey", key.get().name());
        return Optional.empty();
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
