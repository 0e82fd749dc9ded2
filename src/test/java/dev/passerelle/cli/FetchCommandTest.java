package dev.passerelle.cli;

import dev.passerelle.model.fetch.DecoderSelection;
import dev.passerelle.model.fetch.FileSelection;
import dev.passerelle.model.fetch.InstallRequest;
import dev.passerelle.model.fetch.VariantSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

/** How {@code fetch-model} reads its command line and environment; fetching itself is ModelFetcherTest's. */
class FetchCommandTest {

    @TempDir
    Path tmp;

    private static InstallRequest parse(Map<String, String> env, String... args) {
        return FetchCommandProbe.parse(env, args);
    }

    private static CommandRun run(Map<String, String> env, String... args) {
        return FetchCommandProbe.run(env, args);
    }

    @Test
    void decoderOptionTakesTheServiceSettingsValues() {
        assertEquals(DecoderSelection.MERGED, parse(Map.of(), "--decoder", "auto").selection().decoder());
        assertEquals(DecoderSelection.SPLIT, parse(Map.of(), "--decoder", "split").selection().decoder());
        assertEquals(DecoderSelection.ALL, parse(Map.of(), "--decoder=ALL").selection().decoder());
        ParameterException e = assertThrows(ParameterException.class, () -> parse(Map.of(), "--decoder", "automatic"));
        assertTrue(e.getMessage().contains("--decoder") && e.getMessage().contains("automatic")
                && e.getMessage().contains("expected one of [merged, split, all, auto]"), e.getMessage());
    }

    @Test
    void theServiceSettingsMapToTheFilesTheyLoad() {
        assertEquals(new FileSelection(VariantSelection.FP32, DecoderSelection.MERGED),
                FileSelection.forService(Variant.FP32, DecoderChoice.AUTO));
        assertEquals(new FileSelection(VariantSelection.QUANTIZED, DecoderSelection.SPLIT),
                FileSelection.forService(Variant.QUANTIZED, DecoderChoice.SPLIT));
        assertEquals(DecoderSelection.MERGED, FileSelection.forService(Variant.FP32, DecoderChoice.MERGED).decoder());
        // The service passes its settings' labels when it runs the command: they must parse to the same thing.
        for (Variant v : Variant.values()) {
            for (DecoderChoice d : DecoderChoice.values()) {
                assertEquals(FileSelection.forService(v, d),
                        parse(Map.of(), "--variant", v.label(), "--decoder", d.label()).selection());
            }
        }
    }

    @Test
    void theServiceFetchesWhatItLoadsOnlyWhenMissing() {
        Map<String, String> env = Map.of("HF_ENDPOINT", "https://hf.example", "HF_TOKEN", "t0ken");
        InstallRequest r = InstallRequest.forService(Path.of("m.json"), Path.of("d"), Variant.QUANTIZED,
                DecoderChoice.AUTO, false, Duration.ofSeconds(60), env);
        assertEquals(new InstallRequest(Path.of("m.json"), Path.of("d"), "https://hf.example",
                new FileSelection(VariantSelection.QUANTIZED, DecoderSelection.MERGED), false, true, "t0ken", false,
                null), r, "60 s is the default stall timeout");
        assertEquals(parse(env, "--manifest", "m.json", "--dir", "d", "--variant", "quantized", "--decoder", "auto",
                "--if-missing"), r, "the same request as the command line the service used to run");
    }

    @Test
    void defaultsComeFromTheEnvironmentAndOptionsWin() {
        InstallRequest none = parse(Map.of());
        assertEquals(Path.of("models/opus-mt-fr-en"), none.dir());
        assertEquals(Path.of("models/opus-mt-fr-en.json"), none.manifest());
        assertEquals(FileSelection.DEFAULT, none.selection());
        assertNull(none.mirror());
        assertNull(none.token());
        assertFalse(none.pin() || none.ifMissing());
        assertFalse(none.allowHttp(), "plain http is refused unless allowed");
        assertEquals(Duration.ofSeconds(60), none.stallTimeout());

        Map<String, String> env = Map.of("PASSERELLE_MODEL_DIR", "/models/x", "PASSERELLE_MODEL_MIRROR", " ",
                "HF_ENDPOINT", "https://hf.example", "HF_TOKEN", "t0ken");
        InstallRequest fromEnv = parse(env);
        assertEquals(Path.of("/models/x"), fromEnv.dir());
        assertEquals("https://hf.example", fromEnv.mirror(), "a blank variable counts as unset");
        assertEquals("t0ken", fromEnv.token());

        InstallRequest explicit = parse(env, "--dir", "d", "--mirror", "https://mirror.example", "--pin",
                "--if-missing", "--variant", "QUANTIZED");
        assertEquals(Path.of("d"), explicit.dir());
        assertEquals("https://mirror.example", explicit.mirror());
        assertTrue(explicit.pin() && explicit.ifMissing());
        assertEquals(VariantSelection.QUANTIZED, explicit.selection().variant());
    }

    @Test
    void theVariantAndDecoderDefaultToTheServiceSettingsInTheEnvironment() {
        // An init container given the service's PASSERELLE_MODEL_* settings fetches what the service loads.
        for (Variant v : Variant.values()) {
            for (DecoderChoice d : DecoderChoice.values()) {
                Map<String, String> env = Map.of("PASSERELLE_MODEL_VARIANT", v.label(), "PASSERELLE_MODEL_DECODER", d.label());
                assertEquals(FileSelection.forService(v, d), parse(env).selection(), env::toString);
            }
        }
        assertEquals(FileSelection.DEFAULT, parse(Map.of("PASSERELLE_MODEL_VARIANT", " ")).selection(),
                "a blank variable counts as unset");
        assertEquals(VariantSelection.ALL, parse(Map.of("PASSERELLE_MODEL_VARIANT", "quantized"), "--variant", "all")
                .selection().variant(), "the option wins");
        CommandRun wrong = run(Map.of("PASSERELLE_MODEL_VARIANT", "int8"), "--dir", tmp.resolve("m").toString());
        assertEquals(2, wrong.code(), wrong::toString);
        assertTrue(wrong.err().contains("PASSERELLE_MODEL_VARIANT=int8") && wrong.err().contains("[fp32, quantized, all]"),
                wrong.err());
    }

    @Test
    void plainHttpAndTheStallTimeoutAreOptions() {
        assertTrue(parse(Map.of(), "--allow-http").allowHttp());
        assertTrue(parse(Map.of("PASSERELLE_MODEL_ALLOW_INSECURE_MIRROR", "true")).allowHttp(),
                "the service's setting, as an environment variable, works for the command too");
        assertEquals(Duration.ofSeconds(5), parse(Map.of(), "--stall-timeout", "5").stallTimeout());
        CommandRun zero = run(Map.of(), "--stall-timeout", "0");
        assertEquals(2, zero.code(), zero::toString);
        assertTrue(zero.err().contains("--stall-timeout must be at least 1 second"), zero.err());
    }

    @Test
    void aPlainHttpMirrorIsRefusedSayingHowToAllowIt() {
        CommandRun run = run(Map.of("PASSERELLE_MODEL_MIRROR", "http://mirror.example"), "--dir",
                tmp.resolve("m").toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith("fetch failed: plain http server http://mirror.example: refused")
                && run.err().contains("--allow-http")
                && run.err().contains("passerelle.model.allow-insecure-mirror=true"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void badArgumentsExitWithUsage() {
        CommandRun run = run(Map.of(), "--variant", "int4");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("Invalid value for option '--variant'") && run.err().contains("int4"), run.err());
        assertTrue(run.err().contains("Usage: fetch-model"), run.err());
        assertEquals("", run.out());

        for (List<String> bad : List.of(List.of("--decoder"), List.of("--bogus"), List.of("extra"))) {
            CommandRun r = run(Map.of(), bad.toArray(String[]::new));
            assertEquals(2, r.code(), bad + ": " + r);
            assertTrue(r.err().contains("Usage: fetch-model"), r.err());
        }
    }

    @Test
    void helpListsTheOptions() {
        CommandRun run = run(Map.of(), "--help");
        assertEquals(0, run.code());
        for (String option : List.of("--manifest", "--dir", "--mirror", "--variant", "--decoder", "--pin",
                "--if-missing", "--allow-http", "--stall-timeout")) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
    }

    @Test
    void aManifestThatCannotBeReadFailsWithItsName() {
        CommandRun run = run(Map.of(), "--manifest", tmp.resolve("none.json").toString(), "--dir",
                tmp.resolve("m").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("fetch failed: ") && run.err().contains("none.json"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void theCommandLinesOfTheDeploymentParse() {
        FetchCommandProbe.parse(List.of("--dir", "/models/opus-mt-fr-en", "--if-missing", "--variant", "quantized"));
        assertThrows(ParameterException.class, () -> FetchCommandProbe.parse(List.of("--variant", "int4")));
    }
}
