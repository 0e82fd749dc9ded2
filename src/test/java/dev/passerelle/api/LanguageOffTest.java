package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code passerelle.language.enabled=false}: every text is French again, as before detection existed. */
@QuarkusTest
@TestProfile(LanguageOffTest.Off.class)
class LanguageOffTest {

    /** Detection off. */
    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("passerelle.language.enabled", "false");
        }
    }

    @Test
    void germanAndEnglishGoToTheModel() {
        given().contentType(ContentType.JSON).body(Map.of("text", LanguageResourceTest.GERMAN))
                .when().post("/v1/translate")
                .then().statusCode(200).body("detectedLanguage", equalTo("fr"))
                .body("sentences[0].finish", not(equalTo("passthrough")));
        given().contentType(ContentType.JSON).body(Map.of("text", LanguageResourceTest.ENGLISH))
                .when().post("/v1/translate")
                .then().statusCode(200).body("detectedLanguage", equalTo("fr"))
                .body("translation", not(equalTo(LanguageResourceTest.ENGLISH)))
                .body("sentences.finish", not(org.hamcrest.Matchers.hasItem("passthrough")));
    }
}
