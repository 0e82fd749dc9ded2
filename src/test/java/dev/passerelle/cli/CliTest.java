package dev.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** The commands' option handling: what a user who mistypes sees, and the exit codes scripts rely on. */
class CliTest {

    private static final String FIXTURE_MODEL = "src/test/resources/fixture-model";

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

    private static final List<String> COMMANDS = List.of("fetch-model", "hash-key", "summarize-eval", "digest-eval",
            "extract-eval", "align-eval", "bench-engine");

    @Test
    void theCommandsAreKnownByName() {
        for (String name : COMMANDS) {
            assertEquals(name, Cli.command(name).orElseThrow().getCommandName());
        }
        assertTrue(Cli.command("serve").isEmpty());
    }

    @Test
    void alignEvalScoresTheCandidatesOnTheGoldSet() {
        CommandRun run = CommandRun.jar("align-eval", "--gold", "src/test/resources/html/alignment-gold.jsonl");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("150 sentences, 442 marked parts"), run.out());
        assertTrue(run.out().contains("| verbatim, part alone, cognates (default) |"), run.out());
        refused(CommandRun.jar("align-eval"), "align-eval", "--gold");
    }

    @Test
    void theJarRunsItsCommands() {
        CommandRun run = CommandRun.jar("hash-key", "abc");
        assertEquals(0, run.code(), run::toString);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", run.out().strip());
        refused(CommandRun.jar("fetch-model", "--variant", "int4"), "fetch-model", "'--variant'", "int4");
        assertThrows(IllegalArgumentException.class, CommandRun::jar, "no arguments is the service, not a command");
    }

    /** Exit 2, no server: an init container with a typo must fail, not serve until killed. */
    @Test
    void anUnknownCommandIsRefusedWithTheList() {
        CommandRun run = CommandRun.jar("fetchmodel", "--if-missing");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().startsWith("unknown command 'fetchmodel'; did you mean 'fetch-model'?\n"), run.err());
        for (String name : COMMANDS) {
            assertTrue(run.err().contains("\n  " + name + " "), name + " in " + run.err());
        }
        assertEquals("", run.out());

        Map<String, String> suggestions = Map.of("Hash-Key", "hash-key", "summarize", "summarize-eval",
                "bench", "bench-engine", "hepl", "help", "fetch-models", "fetch-model");
        suggestions.forEach((typo, meant) -> {
            CommandRun r = CommandRun.jar(typo);
            assertEquals(2, r.code(), typo);
            assertTrue(r.err().startsWith("unknown command '" + typo + "'; did you mean '" + meant + "'?"), r.err());
        });
        for (String unrelated : List.of("serve", "x", "--port=9000", "")) {
            CommandRun r = CommandRun.jar(unrelated);
            assertEquals(2, r.code(), unrelated);
            assertTrue(r.err().startsWith("unknown command '" + unrelated + "'\n"), r.err());
        }
        CommandRun jvmOption = CommandRun.jar("-Dquarkus.http.port=9000");
        assertEquals(2, jvmOption.code());
        assertTrue(jvmOption.err().contains("JVM options go before -jar"), jvmOption.err());
    }

    @Test
    void helpListsTheCommandsAndHowToStartTheService() {
        for (String help : List.of("help", "--help", "-h")) {
            CommandRun run = CommandRun.jar(help);
            assertEquals(0, run.code(), run::toString);
            assertEquals("", run.err());
            assertTrue(run.out().contains("Without a command, starts the Passerelle HTTP service"), run.out());
            for (String name : COMMANDS) {
                assertEquals(1, run.out().lines().filter(l -> l.startsWith("  " + name + " ")).count(),
                        name + " on one line in " + run.out());
            }
        }
        CommandRun one = CommandRun.jar("help", "hash-key");
        assertEquals(0, one.code());
        assertTrue(one.out().startsWith("Usage: hash-key"), one.out());
        assertEquals(2, CommandRun.jar("help", "hashkey").code());
        assertTrue(CommandRun.jar("--version").out().startsWith("Passerelle "));
    }

    /** Enum options as settings spell them: in help and in errors, never FP32. */
    @Test
    void choicesAreShownInLowerCase() throws Exception {
        for (String name : COMMANDS) {
            String help = CommandRun.jar(name, "--help").out();
            for (OptionSpec option : Cli.command(name).orElseThrow().getCommandSpec().options()) {
                if (!option.type().isEnum()) {
                    continue;
                }
                List<String> labels = Arrays.stream(option.type().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).toList();
                String shown = String.join(", ", labels).toLowerCase(Locale.ROOT);
                assertTrue(help.contains(shown), option.longestName() + ": " + shown + " in " + help);
                labels.forEach(l -> assertFalse(help.contains(l), l + " in " + help));
                ITypeConverter<?> converter = option.converters()[0];
                Exception e = assertThrows(TypeConversionException.class, () -> converter.convert("int4"));
                assertEquals("expected one of [" + shown + "] but was 'int4'", e.getMessage());
                for (Object constant : option.type().getEnumConstants()) { // in any case
                    assertEquals(constant, converter.convert(((Enum<?>) constant).name()));
                    assertEquals(constant, converter.convert(((Enum<?>) constant).name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        refused(benchEngine("--model", "m", "--variant", "int4"), "bench-engine",
                "Invalid value for option '--variant': expected one of [fp32, quantized] but was 'int4'");
        String help = benchEngine("--help").out();
        assertTrue(help.contains("fp32, quantized (default: fp32)"), help);
        assertTrue(help.contains("auto, split, merged (default: auto)"), help);
    }

    @Test
    void hashKeyPrintsTheSha256() {
        CommandRun run = CommandRun.of(new HashKeyCommand(), "abc");
        assertEquals(0, run.code());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", run.out().strip());
        refused(CommandRun.of(new HashKeyCommand()), "hash-key", "Missing required parameter: 'KEY'");
    }

    @Test
    void hashKeyRefusesAKeyThatCouldNeverMatch() {
        refused(CommandRun.of(new HashKeyCommand(), ""), "hash-key", "KEY is blank");
        refused(CommandRun.of(new HashKeyCommand(), "  "), "hash-key", "KEY is blank");
        refused(CommandRun.of(new HashKeyCommand(), " abc"), "hash-key", "whitespace");
        refused(CommandRun.of(new HashKeyCommand(), "abc\n"), "hash-key", "whitespace");
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
    void benchEngineRefusesMoreTokensThanTheModelGenerates() {
        // The fixture model's max_length is 512, as opus-mt-fr-en's: at most 511 new tokens.
        refused(benchEngine("--model", FIXTURE_MODEL, "--tokens", "100000"), "bench-engine",
                "--tokens 100000 is more than this model generates: at most 511 new tokens");
        refused(benchEngine("--model", FIXTURE_MODEL, "--tokens", "512"), "bench-engine", "at most 511");
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
    void summarizeEvalRefusesABadBulletCount() {
        refused(summarizeEval("article.txt", "--bullets", "x"), "summarize-eval",
                "Invalid value for option '--bullets': 'x' is not an int");
        refused(summarizeEval("article.txt", "--bullets", "0"), "summarize-eval",
                "--bullets must be between 1 and 20 (as the service allows), got 0");
        refused(summarizeEval("article.txt", "--bullets", "500"), "summarize-eval",
                "--bullets must be between 1 and 20 (as the service allows), got 500");
        refused(summarizeEval("article.txt", "--bullets"), "summarize-eval", "'--bullets'");
        refused(summarizeEval(), "summarize-eval", "Missing required parameter: 'FILE'");
    }

    @Test
    void summarizeEvalTakesTheServiceBulletLimit() throws Exception {
        Field max = Class.forName("dev.passerelle.api.RequestRules").getDeclaredField("MAX_BULLETS");
        max.setAccessible(true);
        assertEquals(max.getInt(null), EvaluateCommand.MAX_BULLETS);
    }

    @Test
    void summarizeEvalNamesAMissingFileOnce() throws Exception {
        String missing = tmp.resolve("nonexistent.txt").toString();
        CommandRun run = summarizeEval(missing);
        assertEquals(1, run.code(), run::toString);
        assertEquals("summarize-eval: no such file: " + missing, run.err().strip());
        assertEquals("", run.out());
        CommandRun folder = summarizeEval(tmp.toString());
        assertEquals(1, folder.code());
        assertEquals("summarize-eval: not a file: " + tmp, folder.err().strip());
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), new byte[] {'L', 'a', ' ', 'r', (byte) 0xE9, 'u'});
        assertEquals("summarize-eval: " + latin1 + " is not UTF-8 text", summarizeEval(latin1.toString()).err().strip());
    }

    private Path article() throws Exception {
        Path article = tmp.resolve("article.txt");
        Files.writeString(article, "Le président est arrivé à Astana pour une réunion des ministres. "
                + "Les ministres ont discuté de la coopération économique entre les deux pays. "
                + "Des accords ont été signés hier sur le commerce et l'énergie. "
                + "La France est un allié important de la région.\n\nPhoto : Kremlin.ru\n");
        return article;
    }

    /** The service's settings, read as the service reads them: a system property changes the ranking. */
    @Test
    void summarizeEvalUsesTheDigestSettings() throws Exception {
        String article = article().toString();
        CommandRun defaults = summarizeEval(article);
        assertEquals(0, defaults.code(), defaults::toString);
        String header = defaults.out().lines().findFirst().orElseThrow();
        assertTrue(header.contains("(trained ranking, abstract-words 20.0, keep-lead false, bullets-ratio 0.2, "
                + "min-bullets 3, max-bullets 7)"), header);
        CommandRun shorter = withProperties(Map.of("passerelle.digest.abstract-words", "3"), () -> summarizeEval(article));
        assertTrue(shorter.out().contains("(trained ranking, abstract-words 3.0, "), shorter.out());

        Map<String, String> tuning = Map.of("passerelle.digest.ranking", "lexrank", "passerelle.digest.lead-weight", "0.9",
                "passerelle.digest.min-bullets", "1", "passerelle.digest.max-bullets", "1");
        CommandRun tuned = withProperties(tuning, () -> summarizeEval(article));
        assertEquals(0, tuned.code(), tuned::toString);
        assertTrue(tuned.out().startsWith("5 sentences, 4 units, 1 bullets (LexRank, lead-weight 0.9, keep-lead true"),
                tuned.out());
        assertTrue(tuned.out().contains("min-bullets 1, max-bullets 1,"), tuned.out());
        assertEquals(1, tuned.out().lines().filter(l -> l.startsWith(" *")).count(), tuned.out());
        assertNotEquals(defaults.out().lines().skip(2).toList(), tuned.out().lines().skip(2).toList(),
                "other scores:\n" + defaults.out() + tuned.out());

        CommandRun encoder = withProperties(Map.of("passerelle.digest.ranking", "lexrank", "passerelle.digest.vectors", "encoder"),
                () -> summarizeEval(article));
        assertTrue(encoder.out().lines().findFirst().orElseThrow()
                .endsWith("lexical vectors: passerelle.digest.vectors is encoder, but this command loads no model)"),
                encoder.out());

        CommandRun bad = withProperties(Map.of("passerelle.digest.lead-weight", "heavy"), () -> summarizeEval(article));
        assertEquals(1, bad.code(), bad::toString);
        assertTrue(bad.err().startsWith("summarize-eval: bad passerelle.digest setting: ")
                && bad.err().contains("passerelle.digest.lead-weight"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }

    private static CommandRun withProperties(Map<String, String> properties, Supplier<CommandRun> run) {
        properties.forEach(System::setProperty);
        try {
            return run.get();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void summarizeEvalRunsOnAnArticle() throws Exception {
        Path article = article();
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
