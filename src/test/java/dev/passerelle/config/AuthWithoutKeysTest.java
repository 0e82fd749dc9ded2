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
 * API keys turned on with no key configured (on Kubernetes: the optional Secret missing) stop the
 * start, naming the setting and the Secret, instead of a pod that reports ready and fails every call.
 */
@QuarkusMainTest
@TestProfile(AuthWithoutKeysTest.KeysOnButNone.class)
class AuthWithoutKeysTest {

    /** Keys required, none listed. */
    public static class KeysOnButNone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.auth.enabled", "true");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theServiceRefusesToStart(LaunchResult result) {
        String out = result.getOutput() + result.getErrorOutput();
        assertTrue(out.contains("passerelle.auth.keys"), out);
        assertTrue(out.contains("PASSERELLE_AUTH_KEYS"), out);
        assertTrue(out.contains("passerelle-api-keys"), out);
    }
}
