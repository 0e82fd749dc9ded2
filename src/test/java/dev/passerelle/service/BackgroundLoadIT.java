package dev.passerelle.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.passerelle.FixtureModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as shipped: the model loads in the background, liveness answers from the start,
 * readiness turns UP once the model is loaded and warmed, and translations then answer.
 */
@QuarkusIntegrationTest
@WithTestResource(FixtureModel.InBackground.class)
class BackgroundLoadIT {

    @Test
    void liveAtOnceReadyOnceLoadedThenTranslating() {
        FixtureModel.management().when().get("/q/health/live").then().statusCode(200);
        // Loading or loaded by now; a request meanwhile gets 503 with the status, never a failure.
        given().contentType("application/json").body("{\"text\": \"Le président est arrivé à Astana.\"}")
                .when().post("/v1/translate").then().statusCode(either(equalTo(200)).or(equalTo(503)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
                () -> FixtureModel.management().when().get("/q/health/ready").statusCode() == 200);
        given().contentType("application/json").body("{\"text\": \"Le président est arrivé à Astana.\"}")
                .when().post("/v1/translate").then().statusCode(200).body("translation", not(emptyString()));
    }
}
