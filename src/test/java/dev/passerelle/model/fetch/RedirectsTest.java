package dev.passerelle.model.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token goes to the configured server only, never to the host it redirects to (the Hub sends
 * large files to a CDN); plain http is refused unless allowed, and https never steps down to http.
 */
class RedirectsTest {

    private static final String REPO = "passerelle/tiny-marian";
    private static final List<String> FILES = List.of("config.json", "generation_config.json", "vocab.json",
            "source.spm", "target.spm", "encoder_model.onnx", "decoder_model.onnx", "decoder_with_past_model.onnx",
            "decoder_model_merged.onnx");
    private static final FileSelection SPLIT_FP32 = new FileSelection(VariantSelection.FP32, DecoderSelection.SPLIT);

    @TempDir
    Path tmp;
    private FakeHub hub;
    private FakeHub cdn;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub(REPO, Fixture.MODEL_DIR, FILES);
        cdn = new FakeHub(REPO, Fixture.MODEL_DIR, FILES); // another port: another origin
    }

    @AfterEach
    void stop() {
        hub.close();
        cdn.close();
    }

    private Manifest fetch(Transport transport) throws Exception {
        return new ModelFetcher(transport, listener, 1)
                .fetch(ModelFetcherTest.manifest(false), hub.baseUrl(), tmp.resolve("model"), SPLIT_FP32);
    }

    @Test
    void theTokenGoesToTheConfiguredServerOnlyNotWhereItRedirects() throws Exception {
        hub.redirects.put("encoder_model.onnx", cdn.baseUrl());
        hub.redirects.put("decoder_model.onnx", hub.baseUrl()); // to itself: the same origin keeps the token
        fetch(new Transport("s3cret", true, null));

        assertArrayEquals(Files.readAllBytes(Fixture.MODEL_DIR.resolve("encoder_model.onnx")),
                Files.readAllBytes(tmp.resolve("model/encoder_model.onnx")),
                "fetched from the CDN, verified with the checksum the hub's redirect carried");
        assertEquals(List.of("/moved/" + REPO + "/resolve/main/encoder_model.onnx"), cdn.requests);
        assertEquals(List.of("none"), cdn.authorizations, "the CDN never sees the token");
        assertEquals(hub.requests.size(), hub.authorizations.size());
        assertTrue(hub.authorizations.stream().allMatch("Bearer s3cret"::equals), hub.authorizations::toString);
        assertTrue(hub.requests.contains("/moved/" + REPO + "/resolve/main/decoder_model.onnx"),
                "a relative redirect to itself followed: " + hub.requests);
    }

    @Test
    void aPlainHttpServerIsRefusedUnlessAllowed() {
        FetchException e = assertThrows(FetchException.class, () -> fetch(new Transport("s3cret", false, null)));
        assertTrue(e.getMessage().startsWith("plain http server " + hub.baseUrl() + ": refused, files and the "
                + "token would travel unencrypted"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-http")
                && e.getMessage().contains("passerelle.model.allow-insecure-mirror=true"), e.getMessage());
        assertTrue(hub.requests.isEmpty(), "nothing sent: " + hub.requests);
        assertFalse(Files.exists(tmp.resolve("model")));
    }

    @Test
    void redirectsNeverStepDownFromHttpsToHttp() throws Exception {
        URI https = URI.create("https://huggingface.co/r/resolve/main/model.onnx");
        FetchException down = assertThrows(FetchException.class,
                () -> Redirects.next(https, "http://cdn.example/x", true));
        assertEquals("huggingface.co redirected to plain http (cdn.example): refused, the download would leave https",
                down.getMessage());
        assertThrows(FetchException.class, () -> Redirects.next(https, "ftp://cdn.example/x", true));
        assertEquals(URI.create("https://cdn-lfs.hf.co/x?sig=1"),
                Redirects.next(https, "https://cdn-lfs.hf.co/x?sig=1", false));
        assertEquals(URI.create("https://huggingface.co/r2/resolve/main/model.onnx"),
                Redirects.next(https, "/r2/resolve/main/model.onnx", false), "relative redirects resolve");

        URI http = URI.create("http://mirror.internal/r/resolve/main/model.onnx");
        FetchException notAllowed = assertThrows(FetchException.class,
                () -> Redirects.next(http, "http://cdn.internal/x", false));
        assertTrue(notAllowed.getMessage().contains("--allow-http"), notAllowed.getMessage());
        assertEquals(URI.create("http://cdn.internal/x"), Redirects.next(http, "http://cdn.internal/x", true));
    }

    @Test
    void theTokensOriginIsSchemeHostAndPort() {
        URI hf = URI.create("https://huggingface.co/x");
        assertTrue(Redirects.sameOrigin(hf, URI.create("https://HuggingFace.co:443/y")));
        assertFalse(Redirects.sameOrigin(hf, URI.create("https://cdn-lfs.hf.co/y")));
        assertFalse(Redirects.sameOrigin(hf, URI.create("http://huggingface.co/y")));
        assertFalse(Redirects.sameOrigin(hf, URI.create("https://huggingface.co:8443/y")));
    }
}
