package dev.passerelle.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A margin below 1 would take any best guess for sure: the start is refused, naming the keys. */
@QuarkusMainTest
@TestProfile(BadLanguageSettingsTest.OutOfRange.class)
class BadLanguageSettingsTest {

    /** Two language settings out of range. */
    public static class OutOfRange implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.language.whole-margin", "0.5", "passerelle.language.sentence-min-letters", "0");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theServiceRefusesToStartAndNamesEachKey(LaunchResult result) {
        String out = result.getOutput() + result.getErrorOutput();
        assertTrue(out.contains("passerelle.language.whole-margin"), out);
        assertTrue(out.contains("passerelle.language.sentence-min-letters"), out);
    }
}
