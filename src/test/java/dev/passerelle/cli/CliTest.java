package dev.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' option handling: what a user who mistypes sees, and the exit codes scripts rely on. */
class CliTest {

    @TempDir
    Path tmp;

    private static CommandRun benchEngine(String... args) {
        return CommandRun.of(new EngineBenchmark(), args);
    }

    private static CommandRun summarizeEval(String... args) {
        return CommandRun.of(new EvaluateCommand(), args);
    }

    /** Exit 2, the message, the command's usage, and no stack trace. */
    private static void refused(CommandRun run, String usage, String... message) {
        assertEquals(2, run.code(), run::toString);
        for (String m : message) {
            assertTrue(run.err().contains(m), "'" + m + "' in " + run.err());
        }
        assertTrue(run.err().contains("Usage: " + usage), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    @Test
    void theCommandsAreKnownByName() {
        for (String name : List.of("fetch-model", "hash-key", "bench-engine", "summarize-eval")) {
            assertEquals(name, Cli.command(name).orElseThrow().getCommandName());
        }
        assertTrue(Cli.command("serve").isEmpty(), "anything else starts the service");
        assertTrue(Cli.command("-Dquarkus.http.port=9000").isEmpty());
    }

    @Test
    void hashKeyPrintsTheSha256() {
        CommandRun run = CommandRun.of(new HashKeyCommand(), "abc");
        assertEquals(0, run.code());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", run.out().strip());
        refused(CommandRun.of(new HashKeyCommand()), "hash-key", "Missing required parameter: 'KEY'");
    }

    @Test
    void benchEngineRefusesAnOptionWithoutItsValue() {
        refused(benchEngine("--model"), "bench-engine", "Missing required parameter for option '--model'");
        refused(benchEngine("--article", "a.txt", "--model"), "bench-engine", "'--model'");
        refused(benchEngine("--tokens", "16"), "bench-engine", "Missing required option: '--model=DIR'");
    }

    @Test
    void benchEngineRefusesBadValues() {
        refused(benchEngine("--model", "m", "--tokens", "many"), "bench-engine", "'--tokens'", "'many' is not an int");
        refused(benchEngine("--model", "m", "--variant", "int4"), "bench-engine", "'--variant'", "int4");
        refused(benchEngine("--model", "m", "--repeats", "0"), "bench-engine", "at least 1");
    }

    @Test
    void benchEngineTakesTheSettingsSpellingOfChoices() {
        CommandRun run = benchEngine("--model", tmp.resolve("none").toString(), "--variant", "quantized",
                "--decoder", "merged");
        assertEquals(1, run.code(), "parsed, then failed on the missing folder: " + run);
        assertTrue(run.err().startsWith("bench-engine: model folder ") && run.err().contains("does not exist"),
                run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void summarizeEvalRefusesABulletCountThatIsNotANumber() {
        refused(summarizeEval("article.txt", "--bullets", "x"), "summarize-eval",
                "Invalid value for option '--bullets': 'x' is not an int");
        refused(summarizeEval("article.txt", "--bullets", "0"), "summarize-eval", "--bullets must be at least 1");
        refused(summarizeEval("article.txt", "--bullets"), "summarize-eval", "'--bullets'");
        refused(summarizeEval(), "summarize-eval", "Missing required parameter: 'FILE'");
    }

    @Test
    void summarizeEvalRunsOnAnArticle() throws Exception {
        Path article = tmp.resolve("article.txt");
        Files.writeString(article, "Le président est arrivé à Astana pour une réunion des ministres. "
                + "Les ministres ont discuté de la coopération économique entre les deux pays. "
                + "Des accords ont été signés hier sur le commerce et l'énergie. "
                + "La France est un allié important de la région.\n\nPhoto : Kremlin.ru\n");
        CommandRun run = summarizeEval(article.toString(), "--bullets", "2");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("2 bullets"), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith(" *")).count(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.contains("photo") && l.endsWith("Photo : Kremlin.ru")), run.out());
    }

    @Test
    void helpExitsWithZero() {
        for (Object command : List.of(new EngineBenchmark(), new EvaluateCommand(), new HashKeyCommand())) {
            CommandRun run = CommandRun.of(command, "--help");
            assertEquals(0, run.code());
            assertTrue(run.out().startsWith("Usage: "), run.out());
        }
    }
}
