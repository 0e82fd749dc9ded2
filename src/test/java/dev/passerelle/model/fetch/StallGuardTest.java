package dev.passerelle.model.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection that stops sending mid-file is dropped after the stall timeout and resumed, and a
 * server that keeps stalling fails the fetch with a message naming the file and the host: never a
 * hang. (The {@code @Timeout}s only bound a broken test; the fetches take a few seconds.)
 */
class StallGuardTest {

    private static final String ENCODER = "encoder_model.onnx";
    private static final FileSelection SPLIT_FP32 = new FileSelection(VariantSelection.FP32, DecoderSelection.SPLIT);
    private static final Duration STALL = Duration.ofSeconds(1);

    @TempDir
    Path tmp;
    private FakeHub hub;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub("passerelle/tiny-marian", Fixture.MODEL_DIR, List.of("config.json",
                "generation_config.json", "vocab.json", "source.spm", "target.spm", ENCODER, "decoder_model.onnx",
                "decoder_with_past_model.onnx", "decoder_model_merged.onnx"));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Manifest fetch() throws Exception {
        return new ModelFetcher(new Transport(null, true, STALL), listener, 1)
                .fetch(ModelFetcherTest.manifest(true), hub.baseUrl(), tmp.resolve("model"), SPLIT_FP32);
    }

    @Test
    @Timeout(60)
    void aStalledDownloadIsDroppedAndResumed() throws Exception {
        hub.stallsLeft.put(ENCODER, 1);
        fetch();
        assertEquals(Checksums.sha256(Fixture.MODEL_DIR.resolve(ENCODER)),
                Checksums.sha256(tmp.resolve("model").resolve(ENCODER)));
        assertTrue(listener.warnings.stream().anyMatch(w -> w.startsWith(ENCODER + ": no data from 127.0.0.1 for 1 s")
                && w.contains("attempt 1 of 4, resuming")), listener.warnings::toString);
        assertTrue(hub.requests.stream().anyMatch(r -> r.contains(ENCODER + " bytes=")),
                "the second attempt resumes with a Range request: " + hub.requests);
    }

    @Test
    @Timeout(60)
    void aServerThatKeepsStallingFailsNamingTheFileAndTheHost() throws Exception {
        hub.stallsLeft.put(ENCODER, 100);
        FetchException e = assertThrows(FetchException.class, this::fetch);
        assertTrue(e.getMessage().startsWith("could not download " + ENCODER + " from 127.0.0.1 after 4 attempts: "
                + "no data from 127.0.0.1 for 1 s"), e.getMessage());
        assertEquals(4, hub.requests.stream().filter(r -> r.contains(ENCODER)).count(), hub.requests::toString);
        assertFalse(Files.exists(tmp.resolve("model")));
        assertTrue(Files.exists(tmp.resolve("model.partial").resolve(ENCODER + ".part")), "kept for the next run");
    }

    @Test
    @Timeout(60)
    void aSlowButSteadyDownloadIsNotAStall() throws Exception {
        // Four parts 600 ms apart: 1.8 s in all, longer than the stall timeout, but never 1 s without a byte.
        hub.trickle.put(ENCODER, 600L);
        fetch();
        assertEquals(Checksums.sha256(Fixture.MODEL_DIR.resolve(ENCODER)),
                Checksums.sha256(tmp.resolve("model").resolve(ENCODER)));
        assertTrue(listener.warnings.stream().noneMatch(w -> w.contains(ENCODER)), listener.warnings::toString);
        assertEquals(1, hub.requests.stream().filter(r -> r.contains(ENCODER)).count(), hub.requests::toString);
    }
}
