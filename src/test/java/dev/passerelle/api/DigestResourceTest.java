package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.clean.ArticleExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DigestResourceTest {

    private static JsonPath post(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void digestOfTheSampleArticle() {
        String article = Fixture.sampleText();
        JsonPath json = post("/v1/digest", Map.of("text", article));
        List<String> bullets = json.getList("bullets");
        assertTrue(bullets.size() >= 3 && bullets.size() <= 7, bullets::toString);
        List<Map<String, Object>> sources = json.getList("sources");
        assertTrue(((String) sources.get(0).get("text")).startsWith("Le plus haut diplomate du président russe"));
        int previous = -1;
        for (Map<String, Object> s : sources) {
            int start = (Integer) s.get("start");
            assertTrue(start > previous, "article order");
            previous = start;
            String text = (String) s.get("text");
            assertEquals(text, article.substring(start, (Integer) s.get("end")));
            for (String furniture : List.of("Photo :", "Selon TASS", "Source :", "Comment (", "http")) {
                assertFalse(text.contains(furniture), text);
            }
        }
        String translation = json.getString("translation");
        for (String b : bullets) {
            assertTrue(translation.contains(b), "bullet reuses the translation: " + b);
        }
        String markdown = json.getString("markdown");
        assertEquals(bullets.size(), markdown.split("\n").length);
        assertTrue(markdown.startsWith("- " + bullets.get(0)));
    }

    @Test
    void summarizeInEnglishTranslatesTheSameBulletsAsTheDigest() {
        Map<String, Object> body = Map.of("text", Fixture.sampleText(), "bullets", 4);
        List<String> summary = post("/v1/summarize", body).getList("bullets");
        assertEquals(4, summary.size());
        assertEquals(post("/v1/digest", body).getList("bullets"), summary);
    }

    @Test
    void summarizeInFrenchReturnsTheSourceSentences() {
        JsonPath json = post("/v1/summarize", Map.of("text", Fixture.sampleText(), "language", "fr", "bullets", 3));
        List<String> bullets = json.getList("bullets");
        assertEquals(3, bullets.size());
        assertEquals(json.getList("sources.text"), bullets);
        assertTrue(bullets.get(0).startsWith("Le plus haut diplomate"));
    }

    @Test
    void htmlAndTextGiveTheSameDigestThePagesHeadlineRankingTheBullets() {
        String headline = ArticleExtractor.extract(Fixture.sampleHtml()).title();
        assertFalse(headline.isEmpty());
        List<String> fromText = post("/v1/digest", Map.of("text", Fixture.sampleText(), "title", headline))
                .getList("bullets");
        List<String> fromHtml = post("/v1/digest", Map.of("text", Fixture.sampleHtml(), "format", "html")).getList("bullets");
        assertEquals(fromText, fromHtml);
    }

    @Test
    void aHeadlineChangesTheRankingNotTheBulletsText() {
        Map<String, Object> body = Map.of("text", Fixture.sampleText(), "language", "fr", "bullets", 2);
        List<String> plain = post("/v1/summarize", body).getList("bullets");
        List<String> titled = post("/v1/summarize", Map.of("text", Fixture.sampleText(), "language", "fr", "bullets", 2,
                "title", "L'OCS compte neuf membres, dont l'Inde, l'Iran et le Pakistan")).getList("bullets");
        assertTrue(titled.stream().anyMatch(b -> b.startsWith("L'OCS compte désormais neuf membres")), titled::toString);
        assertTrue(titled.stream().noneMatch(b -> b.contains("Inde, l'Iran et le Pakistan") && b.startsWith("L'OCS compte neuf")),
                "the headline is not a bullet");
        assertEquals(2, plain.size());
    }

    @Test
    void aHeadlineLongerThanAThousandCharactersIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("text", Fixture.sampleText(), "title", "x".repeat(1001)))
                .when().post("/v1/summarize")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("\"title\" has 1001 characters; the limit is 1000"));
    }

    @Test
    void markdownAloneWhenAskedFor() {
        String md = given().contentType(ContentType.JSON).accept("text/markdown")
                .body(Map.of("text", Fixture.sampleText(), "bullets", 3))
                .when().post("/v1/digest")
                .then().statusCode(200).contentType(containsString("text/markdown"))
                .extract().asString();
        assertEquals(3, md.split("\n").length);
        assertTrue(md.lines().allMatch(l -> l.startsWith("- ")), md);
    }

    @Test
    void oneSentenceAndFewerSentencesThanBullets() {
        post("/v1/summarize", Map.of("text", "Le président est arrivé à Astana.", "bullets", 5));
        given().contentType(ContentType.JSON).body(Map.of("text", "Le président est arrivé à Astana.", "bullets", 5))
                .when().post("/v1/digest")
                .then().statusCode(200).body("bullets", hasSize(1))
                .body("bullets[0]", equalTo("The president arrived in Astana."))
                .body("translation", equalTo("The president arrived in Astana."));
    }

    @Test
    void allBoilerplateGivesNoBulletsButStillATranslation() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Comment (0)\nPhoto : AFP"))
                .when().post("/v1/digest")
                .then().statusCode(200).body("bullets", hasSize(0)).body("markdown", equalTo(""))
                .body("translation", notNullValue());
    }

    @Test
    void badRequestsAre400() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("text", ""), Map.of("bullets", 3), Map.of("text", "Oui.", "bullets", 0),
                Map.of("text", "Oui.", "bullets", 21), Map.of("text", "Oui.", "language", "de"),
                Map.of("text", "Oui.", "style", "short"), Map.of("text", "Oui.", "bullets", "3"),
                Map.of("text", "Oui.", "language", "fr", "beams", 99))) {
            for (String path : List.of("/v1/summarize", "/v1/digest")) {
                if (path.equals("/v1/digest") && body.containsKey("language")) {
                    continue;
                }
                given().contentType(ContentType.JSON).body(body).when().post(path)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400)).body("detail", notNullValue());
            }
        }
    }
}
