package dev.passerelle.model.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.model.Variant;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.DecoderLayout;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.ModelProvenance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch command against a local Hub serving the fixture model. */
class ModelFetcherTest {

    private static final String REPO = "passerelle/tiny-marian";
    private static final List<String> SMALL = List.of("config.json", "generation_config.json", "vocab.json",
            "source.spm", "target.spm");
    private static final List<String> GRAPHS = List.of("encoder_model.onnx", "decoder_model.onnx",
            "decoder_with_past_model.onnx");
    private static final String MERGED = "decoder_model_merged.onnx";
    private static final FileSelection SPLIT_FP32 = new FileSelection("fp32", "split");

    @TempDir
    Path tmp;
    private FakeHub hub;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        List<String> all = new ArrayList<>(SMALL);
        all.addAll(GRAPHS);
        all.add(MERGED);
        hub = new FakeHub(REPO, Fixture.MODEL_DIR, all);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Manifest manifest(boolean pinned) throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        for (String f : SMALL) {
            files.add(file(f, pinned, null, null));
        }
        for (String f : GRAPHS) {
            files.add(file(f, pinned, "fp32", f.startsWith("decoder") ? "split" : null));
        }
        files.add(file(MERGED, pinned, "fp32", "merged"));
        files.add(new ManifestFile("encoder_model_quantized.onnx", null, null, "quantized", null));
        return new Manifest("tiny", REPO, pinned ? FakeHub.COMMIT : "main", null, files);
    }

    private static ManifestFile file(String name, boolean pinned, String variant, String decoder)
            throws IOException {
        Path p = Fixture.MODEL_DIR.resolve(name);
        return pinned ? new ManifestFile(name, Files.size(p), Checksums.sha256(p), variant, decoder)
                : new ManifestFile(name, null, null, variant, decoder);
    }

    private ModelFetcher fetcher() {
        return new ModelFetcher(null, new FetchListener() {
            @Override
            public void started(String path, long already, long total) {
            }

            @Override
            public void progressed(String path, long done, long total) {
            }

            @Override
            public void finished(String path, long size, String sha256) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        }, 1);
    }

    @Test
    void installsAVerifiedModelThatLoads() throws Exception {
        Path target = tmp.resolve("model");
        Manifest result = fetcher().fetch(manifest(false), hub.baseUrl(), target, SPLIT_FP32);
        ModelFiles files = ModelFiles.locate(target, Variant.FP32, DecoderChoice.AUTO);
        assertEquals(DecoderLayout.SPLIT, files.layout());
        for (String f : GRAPHS) {
            assertEquals(Checksums.sha256(Fixture.MODEL_DIR.resolve(f)), Checksums.sha256(target.resolve(f)));
        }
        assertEquals(FakeHub.COMMIT, ModelProvenance.read(target).orElseThrow().revision());
        assertEquals(FakeHub.COMMIT, result.revision(), "the resolved commit is recorded");
        assertTrue(result.files().stream().filter(SPLIT_FP32::wants)
                .allMatch(f -> f.sha256() != null && f.size() != null));
        assertFalse(Files.exists(tmp.resolve("model.partial")));
        assertTrue(hub.requests.stream().noneMatch(r -> r.contains("quantized")), "only the asked variant");
        assertTrue(hub.requests.stream().noneMatch(r -> r.contains("merged")), "only the asked decoder layout");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("--pin")));
    }

    @Test
    void decoderOptionTakesTheServiceSettingsValues() {
        assertEquals("merged", FetchCommand.parse(new String[] {"--decoder", "auto"}, Map.of()).selection().decoder());
        assertEquals("split", FetchCommand.parse(new String[] {"--decoder", "split"}, Map.of()).selection().decoder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FetchCommand.parse(new String[] {"--decoder", "automatic"}, Map.of()));
        assertTrue(e.getMessage().contains("merged, split or all"), e.getMessage());
    }

    @Test
    void theDefaultSelectionFetchesTheMergedDecoderOnly() throws Exception {
        Path target = tmp.resolve("model");
        FetchCommand.Options o = FetchCommand.parse(new String[] {"--dir", target.toString()}, Map.of());
        fetcher().fetch(manifest(false), hub.baseUrl(), target, o.selection());
        assertEquals(DecoderLayout.MERGED, ModelFiles.locate(target, Variant.FP32, DecoderChoice.AUTO).layout());
        assertTrue(Files.exists(target.resolve(MERGED)));
        assertFalse(Files.exists(target.resolve("decoder_with_past_model.onnx")));
        assertTrue(hub.requests.stream().noneMatch(r -> r.contains("decoder_model.onnx")
                || r.contains("decoder_with_past")), "split graphs not downloaded: " + hub.requests);
    }

    @Test
    void checksumMismatchIsRefusedAndNothingIsInstalled() throws Exception {
        Path target = tmp.resolve("model");
        Manifest pinned = manifest(true);
        List<ManifestFile> files = new ArrayList<>(pinned.files());
        ManifestFile enc = files.get(SMALL.size());
        files.set(SMALL.size(), new ManifestFile(enc.path(), enc.size(), "0".repeat(64), enc.variant(), enc.decoder()));
        Manifest wrong = new Manifest("tiny", REPO, "main", null, files);
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(wrong, hub.baseUrl(), target, SPLIT_FP32));
        assertTrue(e.getMessage().contains("encoder_model.onnx") && e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(tmp.resolve("model.partial/encoder_model.onnx")));
        assertFalse(Files.exists(tmp.resolve("model.partial/encoder_model.onnx.part")));
    }

    @Test
    void bytesThatDisagreeWithTheServersChecksumAreRefused() throws Exception {
        byte[] bad = Files.readAllBytes(Fixture.MODEL_DIR.resolve("decoder_model.onnx"));
        bad[bad.length / 2] ^= 1;
        hub.corrupt.put("decoder_model.onnx", bad);
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(manifest(false), hub.baseUrl(), tmp.resolve("model"), SPLIT_FP32));
        assertTrue(e.getMessage().contains("decoder_model.onnx"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("model")));
    }

    @Test
    void aFileNobodyVouchesForIsRefused() {
        hub.checksumHeaders = false;
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher().fetch(manifest(false), hub.baseUrl(), tmp.resolve("model"), SPLIT_FP32));
        assertTrue(e.getMessage().contains("cannot be verified"), e.getMessage());
    }

    @Test
    void anInterruptedDownloadResumesWhereItStopped() throws Exception {
        hub.cutsLeft.put("encoder_model.onnx", 1);
        Path target = tmp.resolve("model");
        fetcher().fetch(manifest(true), hub.baseUrl(), target, SPLIT_FP32);
        // The hub cut the first answer after half the file; the client resumes from what reached it,
        // which the socket may have trimmed a little below that half.
        long resumedFrom = hub.requests.stream().filter(r -> r.contains("encoder_model.onnx bytes="))
                .mapToLong(r -> Long.parseLong(r.substring(r.indexOf("bytes=") + 6, r.length() - 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no Range request: " + hub.requests));
        assertTrue(resumedFrom > 0 && resumedFrom <= half(), resumedFrom + " of " + hub.requests);
        assertEquals(Checksums.sha256(Fixture.MODEL_DIR.resolve("encoder_model.onnx")),
                Checksums.sha256(target.resolve("encoder_model.onnx")));
    }

    private static long half() {
        try {
            return Files.size(Fixture.MODEL_DIR.resolve("encoder_model.onnx")) / 2;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedRunKeepsTheOldModelAndTheNextRunResumes() throws Exception {
        Path target = tmp.resolve("model");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old-model.txt"), "previous install");
        hub.cutsLeft.put("decoder_with_past_model.onnx", 100);
        assertThrows(FetchException.class, () -> fetcher().fetch(manifest(true), hub.baseUrl(), target, SPLIT_FP32));
        assertTrue(Files.exists(target.resolve("old-model.txt")), "old model untouched");
        assertTrue(Files.exists(tmp.resolve("model.partial/decoder_with_past_model.onnx.part")));

        hub.cutsLeft.clear();
        hub.requests.clear();
        fetcher().fetch(manifest(true), hub.baseUrl(), target, SPLIT_FP32);
        assertTrue(hub.requests.stream().anyMatch(r -> r.contains("decoder_with_past_model.onnx bytes=")),
                hub.requests::toString);
        assertTrue(hub.requests.stream().noneMatch(r -> r.endsWith("/config.json")), "verified files are kept");
        assertFalse(Files.exists(target.resolve("old-model.txt")), "replaced by the new model");
        assertTrue(Files.exists(target.resolve("decoder_with_past_model.onnx")));
        assertFalse(Files.exists(tmp.resolve("model.old")));
        assertFalse(Files.exists(tmp.resolve("model.partial")));
    }

    @Test
    void theCommandPinsTheManifestAndHonoursTheMirror() throws Exception {
        Path manifestFile = tmp.resolve("tiny.json");
        manifest(false).write(manifestFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = FetchCommand.run(new String[] {"--manifest", manifestFile.toString(), "--dir",
                tmp.resolve("m").toString(), "--pin"}, Map.of("PASSERELLE_MODEL_MIRROR", hub.baseUrl()),
                new PrintStream(out, true, StandardCharsets.UTF_8), false);
        String log = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        assertTrue(log.contains("100%"), log);
        Manifest pinned = Manifest.read(manifestFile);
        assertEquals(FakeHub.COMMIT, pinned.revision());
        assertEquals(Checksums.sha256(Fixture.MODEL_DIR.resolve("vocab.json")),
                pinned.files().stream().filter(f -> f.path().equals("vocab.json")).findFirst().orElseThrow().sha256());
    }

    @Test
    void ifMissingSkipsAnInstalledModel() throws Exception {
        Path manifestFile = tmp.resolve("tiny.json");
        manifest(false).write(manifestFile);
        String[] args = {"--manifest", manifestFile.toString(), "--dir", tmp.resolve("m").toString(), "--if-missing"};
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("PASSERELLE_MODEL_MIRROR", hub.baseUrl());
        assertEquals(0, FetchCommand.run(args, env, quiet, false));
        int requests = hub.requests.size();
        assertEquals(0, FetchCommand.run(args, env, quiet, false));
        assertEquals(requests, hub.requests.size(), "nothing downloaded the second time");
    }

    @Test
    void badArgumentsExitWithUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = FetchCommand.run(new String[] {"--variant", "int4"}, Map.of(), new PrintStream(out, true,
                StandardCharsets.UTF_8), false);
        assertEquals(2, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage"));
    }
}
