package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A small queue under a burst: refused requests get 503 + Retry-After, accepted ones are all answered right. */
@QuarkusTest
@TestProfile(OverloadTest.SmallQueue.class)
class OverloadTest {

    /** Room for eight waiting sentences, no cache. */
    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.batch.queue-capacity", "8", "passerelle.cache.enabled", "false");
        }
    }

    private static final String FOUR = "Le président est arrivé à Astana. Merci beaucoup ! "
            + "La France est un allié important. Des accords ont été signés hier.";
    private static final String EXPECTED = "The president arrived in Astana. Thank you very much! "
            + "France is an important ally. Agreements were signed yesterday.";

    @Test
    void aRequestBiggerThanTheWholeQueueIsTooLarge() {
        // Waiting can never make room for it: 413 with the limit and how to split, no Retry-After.
        given().contentType(ContentType.JSON).body(Map.of("text", Fixture.sampleText()))
                .when().post("/v1/translate")
                .then().statusCode(413).contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("detail", containsString("passerelle.batch.queue-capacity"))
                .body("detail", containsString("split it"));
    }

    @Test
    void aStreamTooLargeForTheQueueIsRefusedBeforeItStarts() {
        // The stream is checked whole before its first event, while the answer can still be a 413.
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("text", Fixture.sampleText()))
                .when().post("/v1/translate")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("Payload Too Large"))
                .body("detail", containsString("passerelle.batch.queue-capacity"))
                .extract().asString();
        assertTrue(!body.contains("event:"), body);
    }

    @Test
    void aBurstIsPartlyRefusedAndNothingAcceptedIsLost() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                answers.add(clients.submit(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("text", FOUR, "beams", 4)).when().post("/v1/translate")));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Response> f : answers) {
                Response r = f.get(60, TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    assertEquals(EXPECTED, r.jsonPath().getString("translation"));
                    ok++;
                } else {
                    assertEquals(503, r.statusCode(), r.asString());
                    assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
                    refused++;
                }
            }
            assertTrue(ok > 0 && refused > 0, ok + " answered, " + refused + " refused");
        } finally {
            clients.shutdownNow();
        }
    }
}
