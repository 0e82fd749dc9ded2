package dev.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The commands as a user runs them, {@code java -jar quarkus-run.jar COMMAND ...}: the launcher waits
 * for the process to exit, so commands that exit before Quarkus starts are fine. CliTest has the details.
 */
@QuarkusMainIntegrationTest
class CliIT {

    @Test
    @Launch({"fetch-model", "--help"})
    void fetchModelHelp(LaunchResult result) {
        assertTrue(result.getOutput().startsWith("Usage: fetch-model"), result.getOutput());
        assertTrue(result.getOutput().contains("--manifest=FILE"), result.getOutput());
    }

    @Test
    @Launch(value = {"fetch-model", "--variant", "int4"}, exitCode = 2)
    void aBadValueNamesTheOption(LaunchResult result) {
        assertTrue(result.getErrorOutput().startsWith("Invalid value for option '--variant'")
                && result.getErrorOutput().contains("'int4'"), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("Usage: fetch-model"), result.getErrorOutput());
        assertTrue(result.getOutput().isEmpty(), result.getOutput());
    }

    @Test
    @Launch(value = {"fetchmodel", "--if-missing"}, exitCode = 2)
    void aMistypedCommandFailsInsteadOfStartingTheService(LaunchResult result) {
        assertTrue(result.getErrorOutput().startsWith("unknown command 'fetchmodel'; did you mean 'fetch-model'?"),
                result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("Commands:"), result.getErrorOutput());
    }

    @Test
    @Launch({"--help"})
    void helpListsTheCommands(LaunchResult result) {
        assertTrue(result.getOutput().contains("Without a command, starts the Passerelle HTTP service"),
                result.getOutput());
        assertTrue(result.getOutput().contains("  fetch-model "), result.getOutput());
    }

    @Test
    @Launch({"summarize-eval", "--bullets", "2", "docs/samples/seed-article.fr.txt"})
    void summarizeEvalReadsTheDigestSettings(LaunchResult result) {
        // application.properties and the settings mapping, read from the packaged jar without Quarkus.
        assertTrue(result.getOutput().startsWith("24 sentences, 15 units, 2 bullets (trained ranking, abstract-words 20.0, "),
                result.getOutput());
    }

    @Test
    @Launch({"hash-key", "abc"})
    void hashKey(LaunchResult result) {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", result.getOutput());
    }
}
