package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A re-sent draft only translates the sentences that changed. */
@QuarkusTest
class CacheTest {

    private static JsonPath translate(String text, int beams) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "beams", beams))
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath();
    }

    private static double metric(String name) {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anEditedDraftRetranslatesOnlyTheEditedSentence() {
        String draft = "Le président est arrivé à Moscou. Des accords ont été signés hier. La Chine est notre partenaire stratégique.";
        String edited = "Le président est arrivé à Moscou. Des accords très importants ont été signés. La Chine est notre partenaire stratégique.";
        JsonPath first = translate(draft, 3);
        assertEquals(List.of(false, false, false), first.getList("sentences.cached"));

        double before = metric("passerelle_sentences_translated_total");
        JsonPath second = translate(edited, 3);
        assertEquals(List.of(true, false, true), second.getList("sentences.cached"));
        assertEquals(1.0, metric("passerelle_sentences_translated_total") - before, "only one sentence ran");
        assertEquals("Very important agreements were signed.", second.getString("sentences[1].translation"));
        assertEquals(first.getString("sentences[0].translation"), second.getString("sentences[0].translation"));
    }

    @Test
    void decodingOptionsArePartOfTheKey() {
        String text = "Nous avons échangé nos points de vue sur la coopération.";
        translate(text, 2);
        assertEquals(List.of(true), translate(text, 2).getList("sentences.cached"));
        assertEquals(List.of(false), translate(text, 1).getList("sentences.cached"));
    }

    @Test
    void hitRatioIsAMetric() {
        String text = "Le Kazakhstan est un allié important.";
        translate(text, 4);
        translate(text, 4);
        double ratio = metric("passerelle_cache_hit_ratio");
        assertTrue(ratio > 0 && ratio <= 1, "hit ratio " + ratio);
        assertTrue(metric("cache_gets_total") > 0);
    }
}
