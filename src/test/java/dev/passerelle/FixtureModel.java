package dev.passerelle;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the packaged application of a {@code @QuarkusIntegrationTest} at the fixture model. The jar
 * runs the prod profile, so {@code %test.passerelle.model.dir} does not reach it; what this returns is
 * passed to it as system properties. An absolute path, so the jar's working directory does not matter.
 */
public final class FixtureModel implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("passerelle.model.dir", Fixture.MODEL_DIR.toAbsolutePath().toString());
    }

    @Override
    public void stop() {
    }
}
