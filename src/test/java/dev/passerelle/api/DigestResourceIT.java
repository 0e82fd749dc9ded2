package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.FixtureModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A digest from the packaged jar: ranking, boilerplate filter and translation, as DigestResourceTest checks them. */
@QuarkusIntegrationTest
@WithTestResource(FixtureModel.class)
class DigestResourceIT {

    // Sentences the fixture model was trained on (tools/fixture/corpus.tsv), and a photo credit.
    private static final String ARTICLE = "Le président est arrivé à Astana. Nous avons échangé nos points de vue sur "
            + "la coopération. Des accords très importants ont été signés. La coopération entre nos pays se "
            + "développe.\n\nPhoto : Kremlin.ru";

    @Test
    void digestOfAShortArticle() {
        JsonPath json = given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "bullets", 2))
                .when().post("/v1/digest")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        List<String> bullets = json.getList("bullets");
        assertEquals(2, bullets.size(), bullets::toString);
        assertEquals("The president arrived in Astana.", bullets.get(0), "the lead opens the digest");
        String translation = json.getString("translation");
        assertTrue(translation.startsWith("The president arrived in Astana. We exchanged our views on cooperation. "
                + "Very important agreements were signed. Cooperation between our countries is developing.\n\n"),
                translation);
        for (String b : bullets) {
            assertTrue(translation.contains(b), "bullet reuses the translation: " + b);
            assertFalse(b.contains("Kremlin"), "the photo credit never becomes a bullet: " + b);
        }
        assertEquals("- " + String.join("\n- ", bullets), json.getString("markdown"));
    }
}
