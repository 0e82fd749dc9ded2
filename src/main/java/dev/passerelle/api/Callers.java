package dev.passerelle.api;

import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.security.TextBudget;
import dev.passerelle.translate.Caller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The {@link Caller} of the HTTP request being served: the service's deadline counted from now, gone
 * once the connection is closed, and cached in the partition of its API key (found by
 * {@link RequestFilters}; "" when keys are off, one shared partition).
 */
@ApplicationScoped
public class Callers {

    private final Duration deadline;
    private final TextBudget budget;

    Callers(PasserelleConfig config, TextBudget budget) {
        this.deadline = config.batch().deadline();
        this.budget = budget;
    }

    /** For a request answered in one piece. */
    Caller of(HttpServerRequest http) {
        return of(http, () -> false);
    }

    /** For a request that can also be left another way ({@code left}: a stream's sink closed). */
    Caller of(HttpServerRequest http, BooleanSupplier left) {
        // Read now, on the request's thread: the worker threads that check the caller have no request context.
        String partition = budget.partition();
        HttpServerResponse response = http.response();
        return Caller.within(deadline, () -> response.closed() || left.getAsBoolean(), partition);
    }
}
