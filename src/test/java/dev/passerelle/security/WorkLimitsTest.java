package dev.passerelle.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key's budget of characters per minute, charged with the accepted text's length: a key with
 * unlimited requests still cannot send more text than its budget, and a text over a whole
 * minute's budget is 413 (waiting would never help), not 429.
 */
@QuarkusTest
@TestProfile(WorkLimitsTest.SmallBudget.class)
class WorkLimitsTest {

    /** Three keys, unlimited requests, 60 characters a minute each. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.auth.enabled", "true",
                    "passerelle.auth.keys", "first:" + hash("first-secret") + ":0,second:" + hash("second-secret") + ":0,third:" + hash("third-secret") + ":0",
                    "passerelle.auth.chars-per-minute", "60");
        }
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    private static final String SENTENCE = "Le président est arrivé à Astana."; // 33 characters

    @Test
    void theCharacterBudgetAnswers429NamingItsSetting() {
        given().contentType(ContentType.JSON).header("X-API-Key", "first-secret").body(Map.of("text", SENTENCE))
                .when().post("/v1/translate").then().statusCode(200);
        String retry = given().contentType(ContentType.JSON).header("X-API-Key", "first-secret").body(Map.of("text", SENTENCE))
                .when().post("/v1/translate").then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("60 characters of text per minute (passerelle.auth.chars-per-minute)"))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retry) >= 1 && Integer.parseInt(retry) <= 60, retry);
        // Requests that carry no text are not charged, and other keys have their own budget.
        given().header("X-API-Key", "first-secret").when().get("/v1/models").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-API-Key", "second-secret").body(Map.of("text", SENTENCE))
                .when().post("/v1/translate").then().statusCode(200);
    }

    @Test
    void aTextOverAWholeMinutesBudgetIs413() {
        given().contentType(ContentType.JSON).header("X-API-Key", "second-secret")
                .body(Map.of("text", SENTENCE + " " + SENTENCE))
                .when().post("/v1/digest").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("passerelle.auth.chars-per-minute"))
                .body("detail", containsString("split it"));
    }

    @Test
    void aRequestRefusedForAnotherReasonCostsNothing() {
        // Each of these would spend 33 of the 60 characters if the text were charged before the rest was checked.
        given().contentType(ContentType.JSON).header("X-API-Key", "third-secret").body(Map.of("text", SENTENCE, "beams", 0))
                .when().post("/v1/translate").then().statusCode(400);
        given().contentType(ContentType.JSON).header("X-API-Key", "third-secret")
                .body(Map.of("texts", List.of(SENTENCE, "Bon\u0001jour")))
                .when().post("/v1/translate").then().statusCode(400);
        given().contentType(ContentType.JSON).header("X-API-Key", "third-secret").body(Map.of("text", SENTENCE, "bullets", 0))
                .when().post("/v1/digest").then().statusCode(400);
        given().contentType(ContentType.JSON).header("X-API-Key", "third-secret").body(Map.of("text", SENTENCE))
                .when().post("/v1/translate").then().statusCode(200);
    }
}
