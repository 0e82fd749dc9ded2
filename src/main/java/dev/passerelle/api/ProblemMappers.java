package dev.passerelle.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.passerelle.batch.OverloadedException;
import dev.passerelle.batch.TooLargeException;
import dev.passerelle.lang.UnsupportedLanguageException;
import dev.passerelle.metrics.PasserelleMetrics;
import dev.passerelle.service.ModelNotReadyException;
import dev.passerelle.translate.AbandonReason;
import dev.passerelle.translate.AbandonedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into problem+json; clients never see a stack trace or a Java type name. */
public class ProblemMappers {

    static final String UNSUPPORTED_TYPE = "unsupported Content-Type; send application/json (or text/plain to /v1/translate, text/html to /v1/extract), "
            + "in UTF-8";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int NOT_READY_RETRY_SECONDS = 30;

    private final PasserelleMetrics metrics;

    ProblemMappers(PasserelleMetrics metrics) {
        this.metrics = metrics;
    }

    Response problem(int status, String title, String detail, Integer retryAfter) {
        metrics.error(status);
        return build(status, title, detail, retryAfter);
    }

    /** A problem+json answer; also used by filters that answer before a resource runs. */
    static Response build(int status, String title, String detail, Integer retryAfter) {
        Response.ResponseBuilder b = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail));
        if (retryAfter != null) {
            b.header("Retry-After", retryAfter);
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return counted(known(e));
    }

    @ServerExceptionMapper
    public Response unsupportedLanguage(UnsupportedLanguageException e) {
        return counted(known(e));
    }

    @ServerExceptionMapper
    public Response notReady(ModelNotReadyException e) {
        return counted(known(e));
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e) {
        return counted(known(e));
    }

    @ServerExceptionMapper
    public Response overloaded(OverloadedException e) {
        return counted(known(e));
    }

    @ServerExceptionMapper
    public Response abandoned(AbandonedException e) {
        return counted(known(e));
    }

    /**
     * The problem+json a failure the service expects answers with, or null for an unexpected one:
     * one table for the mappers and for a stream's {@code error} event.
     */
    static Response known(Throwable e) {
        if (e instanceof ProblemException p) {
            return build(p.status(), p.title(), p.getMessage(), p.retryAfterSeconds());
        }
        if (e instanceof UnsupportedLanguageException) {
            // Well-formed but not workable: the same text will never be translated, so not a 400 or a 503.
            return build(422, "Unsupported Language", e.getMessage(), null);
        }
        if (e instanceof ModelNotReadyException) {
            return build(503, "Model Not Ready", e.getMessage(), NOT_READY_RETRY_SECONDS);
        }
        if (e instanceof TooLargeException) {
            return build(413, "Payload Too Large", e.getMessage(), null);
        }
        if (e instanceof OverloadedException o) {
            return build(503, "Service Overloaded", e.getMessage(), o.retryAfterSeconds());
        }
        if (e instanceof AbandonedException a) {
            // A client that left reads nothing; 499 (as nginx logs it) keeps it out of the 5xx counts.
            return a.reason() == AbandonReason.DISCONNECT ? build(499, "Client Closed Request", e.getMessage(), null)
                    : build(503, "Service Unavailable", e.getMessage(), 1);
        }
        return null;
    }

    private Response counted(Response r) {
        metrics.error(r.getStatus());
        return r;
    }

    /** The answer to any failure: the known ones as above (counted), anything else a logged 500. */
    Response answer(Throwable e) {
        Response r = known(e);
        return r != null ? counted(r) : unexpected(e);
    }

    // Quarkus REST ships mappers for the specific Jackson exceptions; naming them here replaces them.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class, InvalidFormatException.class})
    public Response json(JsonProcessingException e) {
        return problem(400, "Bad Request", describe(e), null);
    }

    /** A sentence about the JSON error that names the field and the expected kind of value. */
    static String describe(JsonProcessingException e) {
        // Jackson reports bad bytes as "Invalid UTF-8 ..." on whichever exception type it is in.
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharConversionException || String.valueOf(t.getMessage()).contains("Invalid UTF-8")) {
                return "the body is not valid UTF-8";
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : "; known fields: " + u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "unknown field \"" + u.getPropertyName() + "\"" + known;
        }
        if (e instanceof JsonParseException p) {
            String what = p.getOriginalMessage().split("\n")[0];
            if (what.startsWith("Duplicate field")) {
                // Jackson quotes the name 'like this'; the other messages quote "like this".
                return what.replace("Duplicate field", "field").replace('\'', '"') + " is given twice";
            }
            return "malformed JSON at line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + ": " + what.replaceAll(" at \\[Source.*$", "");
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
                String field = e instanceof JsonMappingException m ? path(m) : "";
                return (field.isEmpty() ? "a number in the body" : "field \"" + field + "\"")
                        + " is out of range for a whole number";
            }
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "another kind of value" : kind(m.getTargetType());
            if (field.isEmpty()) {
                return "the request body must be a JSON object";
            }
            String got = m instanceof InvalidFormatException f ? " (got " + f.getValue() + ")" : "";
            return "field \"" + field + "\" must be " + expected + got;
        }
        return "the request body is not valid JSON for this endpoint";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String kind(Class<?> type) {
        if (type.isEnum()) {
            // Our enums travel as their lower-case names (@JsonValue).
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> "\"" + ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT) + "\"")
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String reason = r.getStatusInfo().getReasonPhrase();
        if (status == 400) {
            return problem(400, reason, unreadableBody(e), null);
        }
        String detail = switch (status) {
            case 404 -> "no such resource; the API is /v1/translate, /v1/summarize, /v1/digest, /v1/extract and /v1/models";
            case 405 -> "this method is not allowed on this path";
            case 406 -> "cannot produce the media type asked for in Accept";
            case 413 -> "the request body is too large";
            case 415 -> UNSUPPORTED_TYPE;
            default -> reason;
        };
        return problem(status, reason, detail, null);
    }

    /** Why the body could not be read, from the cause Quarkus wrapped. */
    static String unreadableBody(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof CharConversionException) {
                return "the body is not valid UTF-8";
            }
            if (t instanceof JsonProcessingException j) {
                return describe(j);
            }
        }
        return "the request body could not be read";
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", ref);
        return problem(500, "Internal Server Error", "an unexpected error occurred; reference " + ref, null);
    }
}
