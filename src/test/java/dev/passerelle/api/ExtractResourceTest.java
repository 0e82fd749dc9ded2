package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/extract}, with no model loaded: the reader view needs none. */
@QuarkusTest
@TestProfile(NoModelTest.NoModel.class)
class ExtractResourceTest {

    private static final String PAGE = "<html><head><title>Venise - Actu</title></head><body><nav><a href='/'>Accueil</a>"
            + "</nav><article><h1>Venise : un paquebot sème la panique</h1>"
            + "<p>Orange avec AFP, publié le dimanche 02 juin 2019 à 12h30</p>"
            + "<figure><img src='x.jpg'><figcaption>Le MSC Opéra dans un port de Suède (archive)</figcaption></figure>"
            + "<p>VENISE (AFP) - Le bateau de croisière, long de 275 mètres, a percuté un quai lors de son arrivée dans "
            + "le port de Venise, dimanche matin. Quatre personnes ont été blessées dans cet accident.</p>"
            + "<div class='lire'><span>A lire aussi</span><p><a href='/a'>Un autre paquebot bloqué au large</a></p></div>"
            + "<p>Selon le quotidien italien Corriere della Sera, cette course folle serait due aux forts courants et "
            + "à la rupture de l'un des câbles qui reliait le navire au remorqueur.</p></article></body></html>";

    @Test
    void aPageBecomesItsTitleAndParagraphs() {
        JsonPath json = given().contentType(ContentType.JSON).body(Map.of("html", PAGE))
                .when().post("/v1/extract")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals("Venise : un paquebot sème la panique", json.getString("title"));
        List<String> paragraphs = json.getList("paragraphs");
        assertEquals(2, paragraphs.size(), paragraphs::toString);
        // The agency dateline is cut, the sentence after it kept.
        assertTrue(paragraphs.get(0).startsWith("Le bateau de croisière, long de 275 mètres"), paragraphs::toString);
        assertTrue(paragraphs.get(1).startsWith("Selon le quotidien italien"), paragraphs::toString);
        assertEquals(String.join("\n\n", paragraphs), json.getString("text"));
    }

    @Test
    void anHtmlBodyGivesTheSampleArticleLeadFirstWithoutItsTail() {
        JsonPath json = given().contentType("text/html; charset=UTF-8")
                .body(Fixture.sampleHtml().getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/extract")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Le Kazakhstan réaffirme que la Russie est un allié important", json.getString("title"));
        String text = json.getString("text");
        assertTrue(text.startsWith("Le Kazakhstan dialogue avec la Russie"), text);
        assertTrue(text.contains("Elle compte également trois observateurs"), text);
        for (String gone : List.of("Kremlin.ru", "Minh Duc", "Source :", "Comment (", "À lire aussi", "Partager")) {
            assertFalse(text.contains(gone), gone);
        }
    }

    @Test
    void badInputIsProblemJson() {
        for (String body : List.of("{}", "{\"html\": 5}", "{\"html\": \"\"}", "{\"html\": \"<p> </p>\"}",
                "{\"html\": \"<p>a</p>\", \"text\": \"b\"}", "{\"html\": \"<p>&#0;Bonjour</p>\"}", "[1]")) {
            given().contentType(ContentType.JSON).body(body).when().post("/v1/extract")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
        }
        given().contentType(ContentType.JSON).body("{\"html\": \"<p>&#0;Bonjour</p>\"}").when().post("/v1/extract")
                .then().body("detail", containsString("HTML entities decoded"));
        given().contentType("text/html").body(new byte[] {(byte) 0xC3, (byte) 0x28}).when().post("/v1/extract")
                .then().statusCode(400).body("detail", containsString("not valid UTF-8"));
        given().contentType(ContentType.TEXT).body("Bonjour").when().post("/v1/extract")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aPageOverTheTextLimitIs413() {
        String big = "<p>" + "Le président est arrivé à Paris. ".repeat(4_000) + "</p>";
        given().contentType(ContentType.JSON).body(Map.of("html", big)).when().post("/v1/extract")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("passerelle.text.max-chars"));
    }
}
