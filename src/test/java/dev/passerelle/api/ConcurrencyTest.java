package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once, cache off so every sentence really goes through the shared batches:
 * every answer must equal what the same request gets alone.
 */
@QuarkusTest
@TestProfile(ConcurrencyTest.NoCache.class)
class ConcurrencyTest {

    /** Cache off, and a longer batch wait so that requests surely meet in batches. */
    public static class NoCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.cache.enabled", "false", "passerelle.batch.max-wait", "20ms");
        }
    }

    private static String translate(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/translate")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void everyConcurrentAnswerEqualsTheSoloAnswer() throws Exception {
        List<Fixture.Case> cases = Fixture.cases();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String text = cases.get(i).text() + " " + cases.get((i + 5) % cases.size()).text();
            requests.add(Map.of("text", text, "beams", i % 3 == 0 ? 1 : 4));
        }
        requests.add(Map.of("text", Fixture.sampleText(), "beams", 2));
        List<String> solo = requests.stream().map(ConcurrencyTest::translate).toList();
        double batchMaxBefore = batchMax();

        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Map<String, Object> r : requests) {
                    answers.add(clients.submit(() -> translate(r)));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(solo.get(i % requests.size()), answers.get(i).get(60, TimeUnit.SECONDS),
                        "request " + (i % requests.size()));
            }
        } finally {
            clients.shutdownNow();
        }
        // Each request has at most two sentences except the article; batches held more than one request.
        assertTrue(batchMax() > 2 && batchMax() >= batchMaxBefore, "largest batch: " + batchMax());
    }

    static double batchMax() {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("passerelle_batch_sentences_max"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(0);
    }
}
