package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a model the service starts, is live but not ready, and says how to fetch one. */
@QuarkusTest
@TestProfile(NoModelTest.NoModel.class)
class NoModelTest {

    /** Points the service at a folder that does not exist. */
    public static class NoModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.model.dir", "target/no-such-model");
        }
    }

    @Test
    void translateAnswers503WithHowToFetch() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Oui."))
                .when().post("/v1/translate")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("fetch-model"))
                .body("detail", containsString("no-such-model"));
    }

    /** A stream that cannot be served is refused before it starts: a plain 503, no event. */
    @Test
    void aStreamIsRefusedBeforeItStarts() {
        given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("text", "Oui."))
                .when().post("/v1/translate")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("title", equalTo("Model Not Ready"))
                .body("detail", containsString("no-such-model"));
    }

    @Test
    void liveButNotReady() {
        Management.given().when().get("/q/health/live").then().statusCode(200);
        Management.given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].data.state", equalTo("missing"));
    }

    @Test
    void modelsSaysMissing() {
        given().when().get("/v1/models").then().statusCode(200)
                .body("models[0].status", equalTo("missing"))
                .body("models[0].message", containsString("PASSERELLE_MODEL_DIR"));
    }
}
