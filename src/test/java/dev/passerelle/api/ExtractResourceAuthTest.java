package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys apply to {@code POST /v1/extract} as to the other {@code /v1} endpoints (AuthTest's keys). */
@QuarkusTest
@TestProfile(AuthTest.WithKeys.class)
class ExtractResourceAuthTest {

    private static final Map<String, String> BODY = Map.of("html", "<p>Le président est arrivé à Paris hier soir.</p>");

    @Test
    void noKeyIs401() {
        given().contentType(ContentType.JSON).body(BODY).when().post("/v1/extract")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aKeyLimitedToOtherEndpointsIs403() {
        given().contentType(ContentType.JSON).header("X-API-Key", "cms-secret").body(BODY).when().post("/v1/extract")
                .then().statusCode(403).body("detail", containsString("/v1/extract"));
    }

    @Test
    void aKeyForEveryEndpointGetsTheArticle() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer ops-secret").body(BODY)
                .when().post("/v1/extract")
                .then().statusCode(200).body("paragraphs[0]", equalTo("Le président est arrivé à Paris hier soir."));
    }
}
