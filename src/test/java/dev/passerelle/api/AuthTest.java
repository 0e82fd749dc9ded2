package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.security.ApiKeys;
import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys (hashed in configuration), per-key endpoints and rate limits, and CORS for browser tools. */
@QuarkusTest
@TestProfile(AuthTest.WithKeys.class)
class AuthTest {

    /** Three keys: a limited one, one for /v1/translate only, an unlimited one; CORS for one origin. */
    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "passerelle.auth.enabled", "true",
                    "passerelle.auth.keys", "limited:" + hash("limited-secret") + ":3,"
                            + "cms:" + hash("cms-secret") + ":100:translate+models,"
                            + "ops:" + hash("ops-secret") + ":0",
                    "quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", "https://cms.example");
        }
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    private static final Map<String, String> BODY = Map.of("text", "Merci beaucoup !");

    @Test
    void noKeyIs401WithAChallenge() {
        given().contentType(ContentType.JSON).body(BODY).when().post("/v1/translate")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("API key is required"));
    }

    @Test
    void aWrongKeyIs401() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer not-a-key").body(BODY)
                .when().post("/v1/translate").then().statusCode(401).body("detail", containsString("not valid"));
    }

    @Test
    void bearerAndHeaderKeysBothWork() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer ops-secret").body(BODY)
                .when().post("/v1/translate").then().statusCode(200).body("translation", equalTo("Thank you very much!"));
        given().contentType(ContentType.JSON).header("X-API-Key", "ops-secret").body(BODY)
                .when().post("/v1/digest").then().statusCode(200);
    }

    @Test
    void aKeyLimitedToSomeEndpointsIs403Elsewhere() {
        given().contentType(ContentType.JSON).header("X-API-Key", "cms-secret").body(BODY)
                .when().post("/v1/translate").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-API-Key", "cms-secret").body(BODY)
                .when().post("/v1/digest").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("/v1/digest"));
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", "limited-secret").when().get("/v1/models").then().statusCode(200);
        }
        String retry = given().header("X-API-Key", "limited-secret").when().get("/v1/models")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("3 requests per minute"))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retry) >= 1 && Integer.parseInt(retry) <= 60, retry);
        // Other keys have their own buckets.
        given().header("X-API-Key", "ops-secret").when().get("/v1/models").then().statusCode(200);
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void corsPreflightForTheConfiguredOrigin() {
        given().header("Origin", "https://cms.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .when().options("/v1/translate")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://cms.example");
    }
}
