package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per class of bad input the limits catch; every answer is problem+json without internals. */
@QuarkusTest
class LimitsTest {

    private static final String PROBLEM = "application/problem+json";

    private static void expect(int status, String contentType, byte[] body, String path, String detailPart) {
        given().contentType(contentType).body(body)
                .when().post(path)
                .then().statusCode(status).contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("detail", containsString(detailPart))
                .body(not(containsString("Exception"))).body(not(containsString("\tat ")));
    }

    @Test
    void textLongerThanTheLimitIs413() {
        String text = "a".repeat(100_001);
        expect(413, "application/json", ("{\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8),
                "/v1/translate", "max-chars");
    }

    @Test
    void tooManyTextsIs413() {
        given().contentType(ContentType.JSON).body(Map.of("texts", Collections.nCopies(101, "Oui.")))
                .when().post("/v1/translate")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("max-texts"));
    }

    @Test
    void bodyOverTheLimitIs413BeforeItIsRead() {
        byte[] big = new byte[1_100_000];
        java.util.Arrays.fill(big, (byte) 'a');
        expect(413, "text/plain", big, "/v1/translate", "max-body-bytes");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] json = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        expect(400, "application/json", json, "/v1/translate", "UTF-8");
        expect(400, "text/plain", new byte[] {'O', 'u', (byte) 0xFF, 'i'}, "/v1/translate", "UTF-8");
    }

    @Test
    void controlCharactersAre400() {
        expect(400, "application/json", "{\"text\":\"Oui\\u0007 non.\"}".getBytes(StandardCharsets.UTF_8),
                "/v1/translate", "U+0007");
        expect(400, "application/json", "{\"text\":\"Oui \\ud800 non.\"}".getBytes(StandardCharsets.UTF_8),
                "/v1/digest", "surrogate");
        expect(400, "application/json", "{\"text\":\"Oui \\u202Enon.\"}".getBytes(StandardCharsets.UTF_8),
                "/v1/translate", "bidirectional override U+202E");
        // Tabs and line breaks are text.
        given().contentType(ContentType.JSON).body("{\"text\":\"Oui.\\tNon.\\r\\nMerci beaucoup !\"}")
                .when().post("/v1/translate").then().statusCode(200);
    }

    @Test
    void htmlEntitiesMeetTheSameChecksOnceDecoded() {
        for (String html : new String[] {"<p>Bon&#1;jour</p>", "<p>Bonjour &#0; oui</p>", "<p>Bon &#xD800; jour</p>"}) {
            given().contentType(ContentType.JSON).body(Map.of("text", html, "format", "html"))
                    .when().post("/v1/translate")
                    .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("HTML entities decoded"));
        }
    }

    @Test
    void textOfInvisibleCharactersOnlyIsEmpty() {
        for (String text : new String[] {"\u200B\u200B\u200B", "\u00AD \uFEFF", "<p>&#8203;&shy;</p>"}) {
            given().contentType(ContentType.JSON).body(Map.of("text", text, "format", text.startsWith("<") ? "html" : "text"))
                    .when().post("/v1/translate")
                    .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("is empty"));
        }
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().when().get("/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/v1/translate").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void wrongAcceptIs406() {
        given().contentType(ContentType.JSON).accept("image/png").body(Map.of("text", "Oui."))
                .when().post("/v1/translate").then().statusCode(406).contentType(PROBLEM);
    }
}
