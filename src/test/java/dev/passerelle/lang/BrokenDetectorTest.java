package dev.passerelle.lang;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A language model that cannot be read (missing from the jar) fails the model's load: readiness
 * DOWN, so no traffic is routed to a service that would fail every translation; it turned ready.
 */
@QuarkusTest
@TestProfile(BrokenDetectorTest.Broken.class)
class BrokenDetectorTest {

    /** The gate over a detector whose model is missing, as OpenNlpLanguageDetector reports it. */
    @Alternative
    @ApplicationScoped
    public static class BrokenGate extends LanguageGate {
        public BrokenGate() {
            super(text -> {
                throw new IllegalStateException("OpenNLP language model /langdetect-183.bin is not on the classpath");
            }, Thresholds.WHOLE, Thresholds.SENTENCE, true);
        }
    }

    /** Swaps in the broken gate. */
    public static class Broken implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(BrokenGate.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }

    @Test
    void notReady() {
        Management.given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].data.state", equalTo("failed"));
        given().when().get("/v1/models").then().statusCode(200).body("models[0].status", equalTo("failed"));
    }
}
