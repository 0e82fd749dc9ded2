package dev.passerelle.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.metrics.PasserelleMetrics;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The body limit on the bytes that really arrive. Content-Length is only a claim and a chunked body
 * has none, so Vert.x's {@link BodyHandler} reads every body with the limit and fails with 413 as
 * soon as one more byte arrives; a declared length over it is refused before reading. Both answer
 * problem+json. {@code quarkus.http.limits.max-body-size} (the hard stop) is how much of an
 * oversized body is read and thrown away so the client can read the answer; beyond that the
 * connection is closed. Form encodings, which the body handler would parse (and fail on with no
 * problem document), are refused with 415 unread, under the same hard stop.
 */
@ApplicationScoped
public class BodyLimitRoutes {

    static final String SETTING = "passerelle.limits.max-body-bytes";
    static final String HARD_STOP_SETTING = "quarkus.http.limits.max-body-size";
    // Before Quarkus's own Content-Length check (order -2), which answers an empty 413 and closes.
    private static final int ORDER = -3;
    private static final Logger LOG = Logger.getLogger(BodyLimitRoutes.class);
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long limit;
    private final String setting;
    private final long hardStop;
    private final PasserelleMetrics metrics;
    private final ObjectMapper json;

    BodyLimitRoutes(PasserelleConfig config, PasserelleMetrics metrics, ObjectMapper json,
                    @ConfigProperty(name = HARD_STOP_SETTING) Optional<MemorySize> hardStop) {
        this.hardStop = hardStop.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        boolean ours = config.limits().maxBodyBytes() <= this.hardStop;
        this.limit = ours ? config.limits().maxBodyBytes() : this.hardStop;
        this.setting = ours ? SETTING : HARD_STOP_SETTING;
        this.metrics = metrics;
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limit).setMergeFormAttributes(false);
        router.route().order(ORDER).handler(ctx -> {
            if (!WITH_BODY.contains(ctx.request().method())) {
                ctx.next();
            } else if (declaredLength(ctx.request()) > limit) {
                refuseDeclared(ctx);
            } else if (isForm(ctx.request())) {
                discardRest(ctx.request());
                answer(ctx, 415, "Unsupported Media Type", ProblemMappers.UNSUPPORTED_TYPE);
            } else {
                body.handle(ctx);
            }
        }).handler(ctx -> {
            // An empty body leaves no buffer, and RESTEasy would then wait on a request that has
            // already ended: give it an empty one, so the resources answer their usual 400.
            if (WITH_BODY.contains(ctx.request().method()) && ctx.body().buffer() == null) {
                ctx.setBody(Buffer.buffer());
            }
            ctx.next();
        });
        router.route().order(ORDER).failureHandler(ctx -> {
            if (ctx.failure() instanceof HttpClosedException) {
                // The client went away mid-body: nobody to answer, and not the service's error.
                LOG.debugf("client closed the connection before sending the whole body: %s", ctx.failure().getMessage());
            } else if (ctx.statusCode() == 413 && !ctx.response().ended()) {
                // The body handler stops keeping bytes but goes on reading: count them, and cut a
                // client that sends more than the hard stop.
                discardRest(ctx.request());
                answer(ctx, 413, "Payload Too Large", "the body has more than " + limit + " bytes; the limit is " + limit
                        + " (" + setting + ")");
            } else {
                ctx.next();
            }
        });
    }

    /** A declared length over the limit: answer at once, without reading the body. */
    private void refuseDeclared(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        // A client waiting for 100 Continue will not send the body; one whose body is over the hard
        // stop is not worth reading: both get the answer, then the connection closes.
        if (declared > hardStop || request.headers().contains(HttpHeaders.EXPECT, "100-continue", true)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.response().endHandler(v -> request.connection().close());
        } else {
            discardRest(request);
        }
        answer(ctx, 413, "Payload Too Large", "the body has " + declared + " bytes; the limit is " + limit + " (" + setting + ")");
    }

    private void discardRest(HttpServerRequest request) {
        if (request.isEnded()) {
            return;
        }
        long[] seen = {0};
        request.handler(b -> {
            seen[0] += b.length();
            if (seen[0] > hardStop) {
                request.connection().close();
            }
        });
        request.resume();
    }

    private void answer(RoutingContext ctx, int status, String title, String detail) {
        metrics.error(status);
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", title, status, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serialises", e);
        }
        // These answers come before RESTEasy's filters, which set the request id on all others.
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestFilters.REQUEST_ID, RequestFilters.requestId(ctx.request().getHeader(RequestFilters.REQUEST_ID)))
                .end(body);
    }

    /** The encodings Vert.x's body handler parses as forms (as it tells them apart). */
    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        type = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x's HTTP codec has already refused a malformed Content-Length
        }
    }
}
