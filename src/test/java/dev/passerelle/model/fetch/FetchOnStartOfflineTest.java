package dev.passerelle.model.fetch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dev mode fetches a missing model at startup; where the hub cannot be reached, the service stays
 * up, not ready, and says why (the cause and the other ways to get a model) instead of hanging.
 */
@QuarkusTest
@TestProfile(FetchOnStartOfflineTest.Offline.class)
class FetchOnStartOfflineTest {

    /** Fetch-on-start into an empty folder from a hub address where nothing listens. */
    public static class Offline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket free = new ServerSocket(0)) {
                Path root = Files.createDirectories(Path.of("target/fetch-offline"));
                Path manifest = root.resolve("tiny.json");
                new Manifest("tiny", "passerelle/tiny-marian", "main", "http://127.0.0.1:" + free.getLocalPort(),
                        List.of(new ManifestFile("config.json", null, null, null, null))).write(manifest);
                return Map.of("passerelle.model.dir", root.resolve("model").toString(),
                        "passerelle.model.fetch-on-start", "true",
                        "passerelle.model.manifest", manifest.toString(),
                        "passerelle.model.allow-insecure-mirror", "true"); // the local hub is plain http
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void saysWhyItIsNotReady() {
        await("the fetch to give up").atMost(Duration.ofSeconds(60)).until(() ->
                Management.given().when().get("/q/health/ready").body().asString().contains("failed"));
        Management.given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].data.state", containsString("failed"))
                // The probe says what kind of failure; the paths and the error are in the log only.
                .body("checks[0].data.message", containsString("server log"))
                .body("checks[0].data.message", not(containsString("target/fetch-offline")));
        given().contentType(ContentType.JSON).body(Map.of("text", "Bonjour.")).when().post("/v1/translate")
                .then().statusCode(503).body("detail", containsString("fetching the model into"));
    }
}
