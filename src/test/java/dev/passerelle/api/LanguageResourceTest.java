package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Detected languages on every endpoint, on the fixture model: English passes through, German is refused. */
@QuarkusTest
class LanguageResourceTest {

    private static final String PROBLEM = "application/problem+json";
    static final String ENGLISH = "The city council approved a new budget on Tuesday after months of debate over "
            + "school funding.  Officials said the plan would raise property taxes by two percent for most homeowners.\n\n"
            + "The mayor called the vote a turning point for the region's struggling public schools. Opponents argued "
            + "that the increase would hurt families already facing higher rents.\n";
    static final String GERMAN = "Die Bundesregierung hat am Dienstag einen neuen Haushalt beschlossen, der höhere "
            + "Ausgaben für Bildung vorsieht. Der Bürgermeister sagte, die Entscheidung sei ein Wendepunkt für die Schulen.";
    /** An English quote, a sentence of its own inside the French sample article. */
    static final String QUOTE = "\"We reaffirmed the need to fully implement all the agreements reached before.\"";

    private static double translatedSentences() {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("passerelle_sentences_translated_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static JsonPath post(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void englishPassesThroughUnchangedWithoutTheModel() {
        double before = translatedSentences();
        JsonPath json = post("/v1/translate", Map.of("text", ENGLISH));
        assertEquals(ENGLISH, json.getString("translation"), "the text unchanged, spacing and all");
        assertEquals("en", json.getString("detectedLanguage"));
        List<Map<String, Object>> sentences = json.getList("sentences");
        assertEquals(4, sentences.size());
        for (Map<String, Object> s : sentences) {
            assertEquals("passthrough", s.get("finish"));
            assertEquals(s.get("source"), s.get("translation"));
            assertEquals(s.get("source"), ENGLISH.substring((Integer) s.get("start"), (Integer) s.get("end")));
            assertEquals(false, s.get("cached"));
        }
        assertEquals(1, (Integer) sentences.get(2).get("paragraph"));
        given().contentType("text/plain; charset=UTF-8").body(ENGLISH).when().post("/v1/translate")
                .then().statusCode(200).body(equalTo(ENGLISH));
        assertEquals(before, translatedSentences(), "no sentence went to the model");
    }

    @Test
    void frenchIsReportedAsFrench() {
        assertEquals("fr", post("/v1/translate", Map.of("text", "Le président est arrivé à Astana."))
                .getString("detectedLanguage"));
    }

    @Test
    void severalTextsAreEachJudged() {
        JsonPath json = post("/v1/translate", Map.of("texts", List.of("Des accords ont été signés hier.", ENGLISH)));
        assertEquals(List.of("Agreements were signed yesterday.", ENGLISH), json.getList("translations"));
        assertEquals(List.of("fr", "en"), json.getList("documents.detectedLanguage"));
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of("Merci beaucoup !", GERMAN)))
                .when().post("/v1/translate")
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("texts[1] is in German (deu)"));
    }

    @Test
    void germanIsRefusedWith422OnEveryEndpoint() {
        String detail = "The text is in German (deu); Passerelle translates French, and English passes through unchanged";
        for (String path : List.of("/v1/translate", "/v1/digest", "/v1/summarize")) {
            String body = given().contentType(ContentType.JSON).body(Map.of("text", GERMAN)).when().post(path)
                    .then().statusCode(422).contentType(PROBLEM)
                    .body("status", equalTo(422)).body("title", equalTo("Unsupported Language"))
                    .body("detail", equalTo(detail))
                    .extract().asString();
            assertFalse(body.contains("Exception") || body.contains("at dev.passerelle"), body);
        }
        given().contentType(ContentType.JSON).body(Map.of("text", GERMAN, "language", "fr"))
                .when().post("/v1/summarize").then().statusCode(422).contentType(PROBLEM);
        given().contentType("text/plain; charset=UTF-8").body(GERMAN).when().post("/v1/translate")
                .then().statusCode(422).contentType(PROBLEM).body("detail", equalTo(detail));
        String stream = given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("text", GERMAN))
                .when().post("/v1/translate")
                .then().statusCode(422).contentType(PROBLEM).body("detail", equalTo(detail)).extract().asString();
        assertFalse(stream.contains("event:"), "refused before the stream starts: " + stream);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bonjour", "Guten Tag", "Hello", "Thank you", "Emmanuel Macron", "2024", "OK", "¡Hola!"})
    void shortInputsAreNeverRefused(String text) {
        given().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/v1/translate")
                .then().statusCode(200).body("detectedLanguage", equalTo("fr"))
                .body("sentences[0].finish", not(equalTo("passthrough")));
    }

    @Test
    void anEnglishQuoteInTheFrenchSampleIsKeptAsItIs() {
        String sample = Fixture.sampleText();
        int firstBreak = sample.indexOf('\n');
        String mixed = sample.substring(0, firstBreak) + " " + QUOTE + sample.substring(firstBreak);
        String plain = post("/v1/translate", Map.of("text", sample, "beams", 2)).getString("translation");

        for (int round = 0; round < 2; round++) {
            double before = translatedSentences();
            JsonPath json = post("/v1/translate", Map.of("text", mixed, "beams", 2));
            assertEquals("fr", json.getString("detectedLanguage"));
            List<Map<String, Object>> kept = json.<Map<String, Object>>getList("sentences").stream()
                    .filter(s -> "passthrough".equals(s.get("finish"))).toList();
            assertEquals(1, kept.size(), "only the quote is kept: " + kept);
            assertEquals(QUOTE, kept.get(0).get("source"));
            assertEquals(QUOTE, kept.get(0).get("translation"));
            assertEquals(false, kept.get(0).get("cached"), "never cached, round " + round);
            int firstOut = plain.indexOf('\n');
            assertEquals(plain.substring(0, firstOut) + " " + QUOTE + plain.substring(firstOut), json.getString("translation"),
                    "the French around it translated as without the quote");
            // The French sentences were all translated (and cached) before: nothing reached the model, quote included.
            assertEquals(before, translatedSentences(), "round " + round);
        }
    }

    @Test
    void theOpenApiDocumentTellsAboutLanguages() {
        JsonPath api = Management.given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/v1/translate", "/v1/digest", "/v1/summarize")) {
            assertTrue(api.getMap("paths.'" + path + "'.post.responses").containsKey("422"), path);
        }
        assertTrue(api.getString("components.schemas.TranslateResponse.properties.detectedLanguage.description")
                .contains("passthrough"));
        assertTrue(api.getList("components.schemas.SentenceView.properties.finish.enum").contains("passthrough"));
        assertTrue(api.getMap("components.schemas.DigestResponse.properties").containsKey("detectedLanguage"));
    }

    @Test
    void englishStreamsBackUnchanged() {
        String body = given().contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("text", ENGLISH))
                .when().post("/v1/translate").then().statusCode(200).extract().asString();
        assertEquals(4, body.lines().filter(l -> l.matches("event: ?sentence")).count(), body);
        assertTrue(body.contains("\"finish\":\"passthrough\""), body);
        assertTrue(body.contains("\"detectedLanguage\":\"en\""), body);
        assertTrue(body.contains("\"translation\":\"The city council approved a new budget on Tuesday after months of "
                + "debate over school funding.  Officials"), "the done event has the text unchanged: " + body);
        assertFalse(body.contains("event: error") || body.contains("event:error"), body);
    }

    @Test
    void theDigestOfEnglishIsMadeOfItsOwnSentences() {
        double before = translatedSentences();
        JsonPath json = post("/v1/digest", Map.of("text", ENGLISH, "bullets", 2));
        List<String> bullets = json.getList("bullets");
        assertEquals(2, bullets.size(), bullets::toString);
        for (String b : bullets) {
            assertTrue(ENGLISH.contains(b), "an English sentence of the input: " + b);
        }
        assertEquals("The city council approved a new budget on Tuesday after months of debate over school funding.",
                bullets.get(0), "the lead opens the digest");
        assertEquals(ENGLISH, json.getString("translation"));
        assertEquals("en", json.getString("language"));
        assertEquals("en", json.getString("detectedLanguage"));
        assertEquals(before, translatedSentences(), "no model call");

        for (String language : List.of("en", "fr")) {
            JsonPath summary = post("/v1/summarize", Map.of("text", ENGLISH, "bullets", 2, "language", language));
            assertEquals(bullets, summary.getList("bullets"), language);
            assertEquals("en", summary.getString("language"), "English bullets whatever was asked");
        }
        given().contentType(ContentType.JSON).accept("text/markdown").body(Map.of("text", ENGLISH, "bullets", 2))
                .when().post("/v1/digest").then().statusCode(200).body(equalTo("- " + String.join("\n- ", bullets)));
    }
}
