package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.passerelle.FixtureModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TranslateResourceTest's first case against the packaged jar: the model loads and translates there too. */
@QuarkusIntegrationTest
@WithTestResource(FixtureModel.class)
class TranslateResourceIT {

    @Test
    void translatesOneSentence() {
        // tools/fixture/corpus.tsv and references.json: the fixture model's translation of this sentence.
        given().contentType(ContentType.JSON).body(Map.of("text", "Le président est arrivé à Astana."))
                .when().post("/v1/translate")
                .then().statusCode(200)
                .body("translation", equalTo("The president arrived in Astana."))
                .body("sentences", hasSize(1))
                .body("sentences[0].finish", equalTo("eos"))
                .body("model", equalTo("passerelle/tiny-marian-fr-en"));
    }

    @Test
    void isReady() {
        FixtureModel.management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
