package dev.passerelle;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the packaged application of a {@code @QuarkusIntegrationTest} at the fixture model. The jar
 * runs the prod profile, so {@code %test.passerelle.model.dir} does not reach it; what this returns is
 * passed to it as system properties. An absolute path, so the jar's working directory does not matter;
 * and a free port for its management interface. The model loads before the port opens, so a test's
 * first request finds it ready; {@link InBackground} keeps the shipped background loading.
 */
public class FixtureModel implements QuarkusTestResourceLifecycleManager {

    /** The management port given to the packaged application (the launcher only chooses the HTTP port). */
    private static volatile int managementPort;

    @Override
    public Map<String, String> start() {
        // A free port rather than the production 9000, which another process may hold.
        try (ServerSocket free = new ServerSocket(0)) {
            managementPort = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("passerelle.model.dir", Fixture.MODEL_DIR.toAbsolutePath().toString(),
                "quarkus.management.port", String.valueOf(managementPort),
                "passerelle.model.load-in-background", String.valueOf(loadInBackground()));
    }

    protected boolean loadInBackground() {
        return false;
    }

    /** The fixture model, loaded in the background as the shipped configuration does. */
    public static final class InBackground extends FixtureModel {
        @Override
        protected boolean loadInBackground() {
            return true;
        }
    }

    /** REST Assured on the packaged application's management interface. */
    public static RequestSpecification management() {
        return RestAssured.given().port(managementPort);
    }

    @Override
    public void stop() {
    }
}
