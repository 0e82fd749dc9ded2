package dev.passerelle.model.fetch;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With fetch-on-start, a service started without a model fetches it, then becomes ready. */
@QuarkusTest
@TestProfile(FetchOnStartTest.FetchOnStart.class)
class FetchOnStartTest {

    /** Starts a local Hub serving the fixture model and points the service at an empty folder. */
    public static class Hub implements QuarkusTestResourceLifecycleManager {
        private FakeHub hub;

        @Override
        public Map<String, String> start() {
            try {
                List<String> files = List.of("config.json", "generation_config.json", "vocab.json", "source.spm",
                        "target.spm", "encoder_model.onnx", "decoder_model.onnx", "decoder_with_past_model.onnx",
                        "decoder_model_merged.onnx");
                hub = new FakeHub("passerelle/tiny-marian", Fixture.MODEL_DIR, files);
                Path root = Path.of("target/fetch-on-start");
                ModelFetcher.deleteTree(root);
                Files.createDirectories(root);
                List<ManifestFile> entries = new ArrayList<>();
                files.forEach(f -> entries.add(new ManifestFile(f, null, null, f.endsWith(".onnx") ? "fp32" : null,
                        f.contains("merged") ? "merged" : f.startsWith("decoder") ? "split" : null)));
                Path manifest = root.resolve("tiny.json");
                new Manifest("tiny", "passerelle/tiny-marian", "main", hub.baseUrl(), entries).write(manifest);
                return Map.of("passerelle.model.dir", root.resolve("model").toString(),
                        "passerelle.model.fetch-on-start", "true",
                        "passerelle.model.manifest", manifest.toString(),
                        "passerelle.model.allow-insecure-mirror", "true"); // the local hub is plain http
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            hub.close();
        }
    }

    /** The profile that brings the Hub up before the service starts. */
    public static class FetchOnStart implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Hub.class));
        }
    }

    @Test
    void fetchesThenServes() {
        // The fetch runs on the service's own thread; readiness is what a client (or Kubernetes) sees.
        await("readiness after the fetch").atMost(Duration.ofSeconds(60))
                .until(() -> Management.given().when().get("/q/health/ready").statusCode() == 200);
        given().contentType(ContentType.JSON).body(Map.of("text", "Merci beaucoup !"))
                .when().post("/v1/translate").then().statusCode(200).body("translation", equalTo("Thank you very much!"));
        given().when().get("/v1/models").then().body("models[0].repository", equalTo("passerelle/tiny-marian"))
                .body("models[0].revision", containsString(FakeHub.COMMIT));
        assertTrue(Files.exists(Path.of("target/fetch-on-start/model/passerelle-model.json")));
        // The default decoder setting (auto) loads the merged graph, so only that one is fetched.
        assertTrue(Files.exists(Path.of("target/fetch-on-start/model/decoder_model_merged.onnx")));
        assertFalse(Files.exists(Path.of("target/fetch-on-start/model/decoder_with_past_model.onnx")));
    }
}
