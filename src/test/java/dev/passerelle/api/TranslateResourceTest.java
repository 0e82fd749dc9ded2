package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.passerelle.Fixture;
import dev.passerelle.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TranslateResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void translatesOneSentenceLikeTheReference() {
        Fixture.Case c = Fixture.cases().get(0);
        given().contentType(ContentType.JSON).body(Map.of("text", c.text(), "beams", 4))
                .when().post("/v1/translate")
                .then().statusCode(200)
                .body("translation", equalTo(c.expectedText(4)))
                .body("sentences", hasSize(1))
                .body("sentences[0].start", equalTo(0))
                .body("sentences[0].end", equalTo(c.text().length()))
                .body("sentences[0].source", equalTo(c.text()))
                .body("sentences[0].finish", equalTo("eos"))
                .body("beams", equalTo(4));
    }

    @Test
    void greedyIsOneBeam() {
        Fixture.Case c = Fixture.cases().stream().filter(x -> x.text().equals("Le ministre est arrivé à Moscou."))
                .findFirst().orElseThrow();
        given().contentType(ContentType.JSON).body(Map.of("text", c.text(), "beams", 1))
                .when().post("/v1/translate")
                .then().statusCode(200).body("translation", equalTo(c.expectedText(1))).body("beams", equalTo(1));
    }

    @Test
    void translatesSeveralTextsAndKeepsParagraphs() {
        List<String> texts = List.of("Le président est arrivé à Astana. Merci beaucoup !\n\nLa France est un allié important.",
                "Des accords ont été signés hier.");
        JsonPath json = given().contentType(ContentType.JSON).body(Map.of("texts", texts))
                .when().post("/v1/translate")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("translations", hasSize(2))
                .body("documents[0].sentences", hasSize(3))
                .extract().jsonPath();
        assertEquals("The president arrived in Astana. Thank you very much!\n\nFrance is an important ally.",
                json.getString("translations[0]"));
        assertEquals("Agreements were signed yesterday.", json.getString("translations[1]"));
        assertEquals(2, json.getInt("documents[0].sentences[2].paragraph") + 1);
    }

    @Test
    void translatesTheSampleArticle() {
        String article = Fixture.sampleText();
        JsonPath json = given().contentType(ContentType.JSON).body(Map.of("text", article))
                .when().post("/v1/translate")
                .then().statusCode(200)
                .body("sentences.size()", greaterThan(15))
                .body("sentences.score", everyItem(lessThanOrEqualTo(0f)))
                .body("translation", not(equalTo("")))
                .extract().jsonPath();
        List<Map<String, Object>> sentences = json.getList("sentences");
        for (Map<String, Object> s : sentences) {
            int start = (Integer) s.get("start");
            int end = (Integer) s.get("end");
            assertEquals(s.get("source"), article.substring(start, end));
        }
        // One paragraph per non-blank line of the article; the blank lines before "Comment (0)" stay one blank line.
        assertEquals(15, sentences.stream().map(s -> s.get("paragraph")).distinct().count());
        String translation = json.getString("translation");
        assertEquals(1, translation.split("\n\n", -1).length - 1, translation);
    }

    @Test
    void plainTextInPlainTextOut() {
        given().contentType("text/plain; charset=UTF-8").body("Merci beaucoup !")
                .when().post("/v1/translate?beams=2")
                .then().statusCode(200).contentType(containsString("text/plain"))
                .body(equalTo("Thank you very much!"));
    }

    @Test
    void htmlIsReducedToTextWhenAskedTo() {
        String html = "<html><head><script>var x = 1;</script></head><body><nav>Accueil</nav>"
                + "<p>Le président est arrivé à Astana.</p><footer>Pied</footer></body></html>";
        given().contentType(ContentType.JSON).body(Map.of("text", html, "format", "html", "extract", true))
                .when().post("/v1/translate")
                .then().statusCode(200)
                .body("translation", equalTo("The president arrived in Astana."))
                .body("format", equalTo("html"));
    }

    @Test
    void htmlComesBackAsHtml() {
        String html = "<h2>Merci beaucoup !</h2>\n<p>Le <em>président</em> est arrivé à <a href=\"/a?b=1&amp;c=2\">Astana</a>."
                + " <code>x &lt; y</code></p>";
        given().contentType(ContentType.JSON).body(Map.of("texts", List.of(html, "<p>Merci beaucoup !</p>"), "format", "html"))
                .when().post("/v1/translate")
                .then().statusCode(200)
                .body("translations[0]", equalTo("<h2>Thank you very much!</h2>\n<p>The <em>president</em> arrived in "
                        + "<a href=\"/a?b=1&amp;c=2\">Astana</a>. <code>x &lt; y</code></p>"))
                .body("translations[1]", equalTo("<p>Thank you very much!</p>"))
                .body("documents[0].sentences.source", equalTo(List.of("Merci beaucoup !",
                        "Le président est arrivé à Astana.", "x < y")))
                .body("format", equalTo("html"));
        given().contentType(ContentType.JSON).body(Map.of("text", "<pre>Le président</pre>", "format", "html"))
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("no text to translate"));
    }

    @Test
    void htmlStreamsBlockByBlock() throws Exception {
        // More sentences than one streamed batch holds, so blocks arrive in several steps.
        StringBuilder html = new StringBuilder("<article title=\"Merci beaucoup !\">");
        for (int i = 0; i < TranslateResource.STREAM_CHUNK + 2; i++) {
            html.append(i % 2 == 0 ? "<p>Le <em>président</em> est arrivé à <a href=\"/a\">Astana</a>.</p>"
                    : "<h2>Il pleut à <b>Paris</b>.</h2>");
        }
        html.append("</article>");
        String answer = given().contentType(ContentType.JSON).body(Map.of("text", html.toString(), "format", "html"))
                .when().post("/v1/translate").then().statusCode(200).extract().path("translation");
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("text", html.toString(), "format", "html"))
                .when().post("/v1/translate").then().statusCode(200).extract().asString();
        List<String> events = body.lines().filter(l -> l.startsWith("event:")).map(l -> l.substring(6).strip()).toList();
        List<JsonNode> data = body.lines().filter(l -> l.startsWith("data:")).map(l -> json(l.substring(5))).toList();
        List<JsonNode> blocks = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).equals("block")) {
                blocks.add(data.get(i));
            }
        }
        assertEquals(TranslateResource.STREAM_CHUNK + 2, blocks.size(), body);
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(i, blocks.get(i).get("index").asInt());
            // Where the block was in the French input: the i-th child element's content.
            assertEquals(i % 2 == 0 ? "html > body > article > p:nth-child(" + (i + 1) + ")"
                    : "html > body > article > h2:nth-child(" + (i + 1) + ")", blocks.get(i).get("parent").asText());
            assertEquals(0, blocks.get(i).get("from").asInt());
            assertEquals(i % 2 == 0 ? "The <em>president</em> arrived in <a href=\"/a\">Astana</a>."
                    : "It is raining in <b>Paris</b>.", blocks.get(i).get("html").asText());
        }
        // Each block's sentence comes just before it; the attribute's sentence last, then done.
        assertEquals("sentence", events.get(events.indexOf("block") - 1));
        assertEquals(List.of("sentence", "done"), events.subList(events.size() - 2, events.size()), body);
        assertEquals("Thank you very much!", data.get(events.size() - 2).get("translation").asText());
        assertEquals(TranslateResource.STREAM_CHUNK + 2, data.get(events.size() - 2).get("paragraph").asInt());
        assertEquals(answer, data.get(events.size() - 1).get("translation").asText(), "done has the JSON answer's HTML");
        assertTrue(answer.startsWith("<article title=\"Thank you very much!\"><p>The <em>president</em>"), answer);
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }

    @Test
    void emptyTextIs400() {
        problem(Map.of("text", "  \n "), 400, "empty");
        problem(Map.of("texts", List.of()), 400, "empty");
        problem(Map.of("texts", List.of("Oui.", "")), 400, "texts[1] is empty");
    }

    @Test
    void textAndTextsTogetherOrNeitherIs400() {
        problem(Map.of("text", "Oui.", "texts", List.of("Non.")), 400, "exactly one");
        problem(Map.of("beams", 2), 400, "exactly one");
    }

    @Test
    void wrongTypesAre400() {
        problem(Map.of("text", 5), 400, "field \"text\" must be a string");
        problem(Map.of("text", "Oui.", "beams", "4"), 400, "field \"beams\" must be an integer");
        problem(Map.of("texts", "Oui."), 400, "field \"texts\" must be an array");
        problem(Map.of("text", "Oui.", "beams", 2.5), 400, "beams");
    }

    @Test
    void unknownOptionsAre400() {
        problem(Map.of("text", "Oui.", "temperature", 0.7), 400, "unknown field \"temperature\"");
        problem(Map.of("text", "Oui.", "format", "markdown"), 400, "\"format\" must be");
        problem(Map.of("text", "Oui.", "beams", 9), 400, "between 1 and 8");
        problem(Map.of("text", "Oui.", "beams", 0), 400, "between 1 and 8");
    }

    @Test
    void malformedJsonIs400() {
        for (String body : List.of("{\"text\": ", "[1, 2]", "\"Oui.\"", "{\"text\": \"Oui.\"} trailing")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/v1/translate")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("status", equalTo(400)).body("detail", notNullValue())
                    .body(not(containsString("at dev.passerelle"))).body(not(containsString("java.lang")));
        }
    }

    @Test
    void jsonEdgesAreNamed() {
        String twice = "{\"text\": \"Bonjour.\", \"text\": \"Merci.\"}";
        given().contentType(ContentType.JSON).body(twice).when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("\"text\" is given twice"));
        given().contentType(ContentType.JSON).body("{\"text\": \"Oui.\", \"beams\": 99999999999}")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("out of range"));
        given().contentType(ContentType.JSON).body("{\"text\": ").when().post("/v1/translate")
                .then().statusCode(400).body("detail", not(containsString("Source")))
                .body("detail", not(containsString("REDACTED")));
        given().contentType(ContentType.JSON).body(Map.of("text", "Le président est arrivé à Astana.", "format", "HTML"))
                .when().post("/v1/translate").then().statusCode(200).body("format", equalTo("html"));
    }

    @Test
    void aPlainTextBeamWidthThatIsNotANumberIs400() {
        given().contentType("text/plain; charset=UTF-8").body("Merci beaucoup !").queryParam("beams", "abc")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("\"beams\" must be a whole number"));
        given().contentType("text/plain; charset=UTF-8").body("Merci beaucoup !").queryParam("beams", "9")
                .when().post("/v1/translate")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("between 1 and 8"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        given().contentType("application/xml").body("<text>Oui.</text>")
                .when().post("/v1/translate")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void modelsDescribesTheLoadedModel() {
        given().when().get("/v1/models")
                .then().statusCode(200)
                .body("models", hasSize(1))
                .body("models[0].status", equalTo("ready"))
                .body("models[0].id", equalTo("passerelle/tiny-marian-fr-en"))
                .body("models[0].variant", equalTo("fp32"))
                .body("models[0].decoder", equalTo("merged"))
                .body("models[0].dimensions.dModel", equalTo(Fixture.dModel()))
                .body("models[0].decoding.beams", equalTo(4))
                .body("models[0].decoding.maxLength", equalTo(512))
                .body("models[0].files.'encoder_model.onnx'", greaterThan(100_000));
    }

    @Test
    void readyOnceTheModelIsWarm() {
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].name", equalTo("translation-model"))
                .body("checks[0].data.state", equalTo("ready"));
    }

    private static void problem(Object body, int status, String detailPart) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/translate")
                .then().statusCode(status).contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", containsString(detailPart));
    }
}
