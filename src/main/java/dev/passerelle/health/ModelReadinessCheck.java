package dev.passerelle.health;

import dev.passerelle.service.ModelStatus;
import dev.passerelle.service.ModelLifecycle;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the model is loaded and warmed; otherwise the state and what to do, without paths or exception text. */
@Readiness
public class ModelReadinessCheck implements HealthCheck {

    private final ModelLifecycle service;

    ModelReadinessCheck(ModelLifecycle service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        ModelStatus s = service.status();
        return HealthCheckResponse.named("translation-model")
                .status(s.ready())
                .withData("state", s.state().name().toLowerCase())
                .withData("message", PublicStatus.message(s.state()))
                .build();
    }
}
