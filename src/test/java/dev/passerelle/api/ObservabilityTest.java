package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request ids; Prometheus metrics, OpenAPI and Swagger UI on the management port, and only there. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void requestIdsAreEchoedOrMadeUp() {
        given().contentType(ContentType.JSON).header("X-Request-Id", "cms-42").body(Map.of("text", "Oui."))
                .when().post("/v1/translate").then().statusCode(200).header("X-Request-Id", "cms-42");
        given().contentType(ContentType.JSON).body(Map.of("text", ""))
                .when().post("/v1/translate").then().statusCode(400)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void prometheusHasTheServiceMetrics() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Il fait beau aujourd'hui."))
                .when().post("/v1/translate").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("text", ""))
                .when().post("/v1/translate").then().statusCode(400);
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("passerelle_sentences_translated_total", "passerelle_tokens_generated_total",
                "passerelle_batch_sentences_bucket", "passerelle_queue_depth", "passerelle_cache_hit_ratio",
                "passerelle_errors_total{status=\"400\"}",
                "http_server_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/v1/translate\"")) {
            assertTrue(metrics.contains(name), name);
        }
    }

    @Test
    void openApiDescribesTheEndpointsWithExamples() {
        String api = Management.given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String part : List.of("/v1/translate", "/v1/summarize", "/v1/digest", "/v1/models", "example")) {
            assertTrue(api.contains(part), part);
        }
        Management.given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void managementEndpointsAreNotOnTheApiPort() {
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(path).then().statusCode(404);
            Management.given().when().get(path).then().statusCode(200);
        }
    }

    @Test
    void modelsAndReadinessShowNoPathsOrExceptions() {
        String models = given().when().get("/v1/models").then().statusCode(200).extract().asString();
        String ready = Management.given().when().get("/q/health/ready").then().statusCode(200).extract().asString();
        for (String body : List.of(models, ready)) {
            assertTrue(!body.contains(Fixture.MODEL_DIR.toAbsolutePath().toString()), body);
            assertTrue(!body.matches("(?s).*\"/(home|work|tmp|models|root)/.*") && !body.contains("Exception"), body);
        }
        assertTrue(models.contains("\"revision\"") && models.contains("\"id\":\"passerelle/tiny-marian-fr-en\""), models);
    }

    @Test
    void livenessIsUp() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
