package dev.passerelle.model.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.model.ModelProvenance;
import java.io.IOException;
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

/**
 * A resumed fetch installs one revision, and only files whose bytes are still the ones verified:
 * the partial folder from a failed run is checked against the revision the server now resolves and
 * against what was verified, and what does not match is fetched again.
 */
class PartialFolderTest {

    private static final String COMMIT_B = "fedcba9876543210fedcba9876543210fedcba98";
    private static final FileSelection SPLIT_FP32 = new FileSelection(VariantSelection.FP32, DecoderSelection.SPLIT);
    private static final List<String> WANTED = List.of("config.json", "generation_config.json", "vocab.json",
            "source.spm", "target.spm", "encoder_model.onnx", "decoder_model.onnx", "decoder_with_past_model.onnx");
    private static final String LAST = "decoder_with_past_model.onnx";

    @TempDir
    Path tmp;
    private FakeHub hub;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        List<String> served = new ArrayList<>(WANTED);
        served.add("decoder_model_merged.onnx");
        hub = new FakeHub("passerelle/tiny-marian", Fixture.MODEL_DIR, served);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Path target() {
        return tmp.resolve("model");
    }

    private Path partial(String file) {
        return tmp.resolve("model.partial").resolve(file);
    }

    private Manifest fetch(boolean pinned) throws Exception {
        return new ModelFetcher(new Transport(null, true, null), listener, 1)
                .fetch(ModelFetcherTest.manifest(pinned), hub.baseUrl(), target(), SPLIT_FP32);
    }

    /** A first run that fails on the last file, leaving every other file verified in the partial folder. */
    private void failedRun(boolean pinned) {
        hub.cutsLeft.put(LAST, 100);
        assertThrows(FetchException.class, () -> fetch(pinned));
        assertTrue(Files.exists(partial(LAST + ".part")));
        hub.cutsLeft.clear();
        hub.requests.clear();
    }

    private List<String> fullRequests(String file) {
        return hub.requests.stream().filter(r -> r.endsWith("/" + file)).toList();
    }

    @Test
    void whenTheRevisionMovesBetweenRunsNothingOfTheOldOneIsInstalled() throws Exception {
        failedRun(false);
        byte[] newConfig = (Files.readString(Fixture.MODEL_DIR.resolve("generation_config.json"))
                + "\n").getBytes(StandardCharsets.UTF_8);
        hub.publish(COMMIT_B, Map.of("generation_config.json", newConfig));

        Manifest result = fetch(false);

        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("moved from " + FakeHub.COMMIT + " to "
                + COMMIT_B) && w.contains("starting over")), listener.warnings::toString);
        for (String f : WANTED) {
            assertArrayEquals(hub.served(f), Files.readAllBytes(target().resolve(f)), f + " is the new revision's");
            assertEquals(1, fullRequests(f).size(), f + " fetched again from the start: " + hub.requests);
        }
        assertEquals(COMMIT_B, result.revision());
        assertEquals(COMMIT_B, ModelProvenance.read(target()).orElseThrow().revision());
        assertFalse(Files.exists(target().resolve(PartialFolder.STATE_FILE)), "the fetch's state is not installed");
    }

    @Test
    void aRevisionThatKeepsMovingDuringTheFetchFailsIt() {
        hub.commitOf.put("vocab.json", COMMIT_B); // every run sees the revision move at the third file
        FetchException e = assertThrows(FetchException.class, () -> fetch(false));
        assertEquals("passerelle/tiny-marian@main moved from " + FakeHub.COMMIT + " to " + COMMIT_B
                + ", again during this fetch; run it again later, or pin a commit in the manifest", e.getMessage());
        assertEquals(2, fullRequests("config.json").size(), "started over once: " + hub.requests);
        assertFalse(Files.exists(target()));
    }

    @Test
    void aVerifiedFileDamagedInThePartialFolderIsFetchedAgain() throws Exception {
        failedRun(false); // unpinned: only the partial folder's own record can tell the damage
        Path encoder = partial("encoder_model.onnx");
        byte[] bytes = Files.readAllBytes(encoder);
        bytes[bytes.length / 3] ^= 1;
        Files.write(encoder, bytes);
        Files.writeString(partial("vocab.json"), "{\"<pad>\":"); // truncated

        fetch(false);

        for (String f : List.of("encoder_model.onnx", "vocab.json")) {
            assertArrayEquals(Files.readAllBytes(Fixture.MODEL_DIR.resolve(f)), Files.readAllBytes(target().resolve(f)));
            assertEquals(1, fullRequests(f).size(), f + " fetched again: " + hub.requests);
            assertTrue(listener.warnings.stream().anyMatch(w -> w.startsWith(f + " in ") && w.contains("not what was "
                    + "verified")), listener.warnings::toString);
        }
        assertTrue(fullRequests("config.json").isEmpty(), "intact files are kept: " + hub.requests);
    }

    @Test
    void aDamagedPartFileIsFetchedAgainFromTheStart() throws Exception {
        hub.cutsLeft.put("encoder_model.onnx", 100);
        assertThrows(FetchException.class, () -> fetch(true));
        Path part = partial("encoder_model.onnx.part");
        byte[] bytes = Files.readAllBytes(part);
        bytes[0] ^= 1;
        Files.write(part, bytes);
        hub.cutsLeft.clear();
        hub.requests.clear();

        fetch(true);

        assertArrayEquals(Files.readAllBytes(Fixture.MODEL_DIR.resolve("encoder_model.onnx")),
                Files.readAllBytes(target().resolve("encoder_model.onnx")));
        assertTrue(hub.requests.stream().anyMatch(r -> r.contains("encoder_model.onnx bytes=")), "resumed first");
        assertEquals(1, fullRequests("encoder_model.onnx").size(), "then fetched whole: " + hub.requests);
        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("encoder_model.onnx")
                && w.contains("after resuming: fetching it again from the start")), listener.warnings::toString);
    }

    @Test
    void filesOfUnknownOriginInThePartialFolderAreNotTrusted() throws Exception {
        // What a Passerelle without the partial folder's record may have left.
        Files.createDirectories(tmp.resolve("model.partial"));
        Files.writeString(partial("config.json"), "{\"not\": \"the model's\"}");

        fetch(false);

        assertArrayEquals(Files.readAllBytes(Fixture.MODEL_DIR.resolve("config.json")),
                Files.readAllBytes(target().resolve("config.json")));
        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("unknown revision: starting over")),
                listener.warnings::toString);
    }
}
