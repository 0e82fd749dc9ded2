package dev.passerelle.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A setting out of range stops the start with a message naming its key, instead of a service
 * that comes up and fails later (0 workers waited out the deadline; 50 beams outran every request).
 */
@QuarkusMainTest
@TestProfile(BadSettingsTest.OutOfRange.class)
class BadSettingsTest {

    /** Three settings out of range at once (an unknown enum value, such as an optimisation level, fails as early). */
    public static class OutOfRange implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.generation.beams", "50", "passerelle.batch.workers", "0",
                    "passerelle.digest.lead-weight", "1.5");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theServiceRefusesToStartAndNamesEachKey(LaunchResult result) {
        String out = result.getOutput() + result.getErrorOutput();
        assertTrue(out.contains("passerelle.generation.beams"), out);
        assertTrue(out.contains("passerelle.batch.workers"), out);
        assertTrue(out.contains("passerelle.digest.lead-weight"), out);
    }
}
