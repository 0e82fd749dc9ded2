package dev.passerelle.model.fetch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.cli.CommandRun;
import dev.passerelle.cli.FetchCommandProbe;
import dev.passerelle.model.Variant;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.DecoderLayout;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.ModelProvenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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
    private static final FileSelection SPLIT_FP32 = new FileSelection(VariantSelection.FP32, DecoderSelection.SPLIT);

    @TempDir
    Path tmp;
    private FakeHub hub;
    private final RecordingListener listener = new RecordingListener();

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

    /** The fixture model's files, checksummed ({@code pinned}, at {@link FakeHub#COMMIT}) or at {@code main}. */
    static Manifest manifest(boolean pinned) throws IOException {
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
        // The local hub speaks plain http: allowed explicitly, as a mirror on a trusted network would be.
        return new ModelFetcher(new Transport(null, true, null), listener, 1);
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
        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("--pin")));
    }

    @Test
    void theDefaultSelectionFetchesTheMergedDecoderOnly() throws Exception {
        Path target = tmp.resolve("model");
        InstallRequest request = FetchCommandProbe.parse(Map.of(), "--dir", target.toString());
        fetcher().fetch(manifest(false), hub.baseUrl(), target, request.selection());
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
        CommandRun run = FetchCommandProbe.run(Map.of("PASSERELLE_MODEL_MIRROR", hub.baseUrl()),
                "--manifest", manifestFile.toString(), "--dir", tmp.resolve("m").toString(), "--pin", "--allow-http");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("100%"), run.out());
        assertTrue(run.out().contains("pinned"), run.out());
        Manifest pinned = Manifest.read(manifestFile);
        assertEquals(FakeHub.COMMIT, pinned.revision());
        assertEquals(Checksums.sha256(Fixture.MODEL_DIR.resolve("vocab.json")),
                pinned.files().stream().filter(f -> f.path().equals("vocab.json")).findFirst().orElseThrow().sha256());
    }

    @Test
    void ifMissingSkipsAnInstalledModel() throws Exception {
        Path manifestFile = tmp.resolve("tiny.json");
        manifest(false).write(manifestFile);
        String[] args = {"--manifest", manifestFile.toString(), "--dir", tmp.resolve("m").toString(), "--if-missing",
            "--allow-http"};
        Map<String, String> env = Map.of("PASSERELLE_MODEL_MIRROR", hub.baseUrl());
        assertEquals(0, FetchCommandProbe.run(env, args).code());
        int requests = hub.requests.size();
        CommandRun again = FetchCommandProbe.run(env, args);
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("already installed"), again.out());
        assertEquals(requests, hub.requests.size(), "nothing downloaded the second time");
    }

    @Test
    void theInstallerTellsWhetherItFetched() throws Exception {
        Path manifestFile = tmp.resolve("tiny.json");
        manifest(false).write(manifestFile);
        ModelInstaller installer = new ModelInstaller(listener, 1);
        InstallRequest request = new InstallRequest(manifestFile, tmp.resolve("m"), hub.baseUrl(),
                FileSelection.forService(Variant.FP32, DecoderChoice.AUTO), false, true, "", true, null);
        InstallResult first = installer.install(request);
        assertFalse(first.alreadyInstalled());
        assertEquals("tiny", first.manifestId());
        assertEquals(tmp.resolve("m").toAbsolutePath(), first.dir());
        assertTrue(Files.exists(tmp.resolve("m").resolve(MERGED)), "AUTO fetches the merged decoder");
        assertTrue(listener.info.get(0).startsWith("fetching passerelle/tiny-marian@main (fp32, merged decoder) from "
                + hub.baseUrl()), listener.info::toString);
        assertTrue(installer.install(request).alreadyInstalled());
        assertTrue(listener.info.get(listener.info.size() - 1).contains("already installed"), listener.info::toString);
    }

    @Test
    void aSecondFetchIntoTheSameFolderWaitsForTheFirst() throws Exception {
        Path manifestFile = tmp.resolve("tiny.json");
        manifest(false).write(manifestFile);
        Path dir = tmp.resolve("m");
        InstallRequest request = new InstallRequest(manifestFile, dir, hub.baseUrl(),
                FileSelection.forService(Variant.FP32, DecoderChoice.AUTO), false, true, "", true, null);
        CompletableFuture<InstallResult> second;
        try (FolderLock first = FolderLock.acquire(dir.toAbsolutePath(), listener)) {
            second = CompletableFuture.supplyAsync(() -> {
                try {
                    return new ModelInstaller(listener, 1).install(request);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            await("the second fetch to wait").atMost(Duration.ofSeconds(10))
                    .until(() -> listener.info.stream().anyMatch(m -> m.startsWith("waiting for another fetch")));
            assertTrue(hub.requests.isEmpty(), "nothing is downloaded while the folder is locked");
            assertFalse(second.isDone());
        }
        assertFalse(second.get(30, TimeUnit.SECONDS).alreadyInstalled());
        assertTrue(Files.exists(dir.resolve(MERGED)));
    }
}
