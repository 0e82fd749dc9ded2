package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Glossaries over HTTP: inline terms, terms kept as written, a server glossary by name (read again
 * when its file changes, a bad version keeping the last good one), on every translating endpoint.
 */
@QuarkusTest
@TestProfile(GlossaryResourceTest.WithGlossaries.class)
class GlossaryResourceTest {

    static final Path DIR = Path.of("target/test-glossaries");
    private static final String PROBLEM = "application/problem+json";

    /** A glossary folder holding newsroom.tsv, looked at again on every request. */
    public static class WithGlossaries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            write("newsroom.tsv", "source\ttarget\nKazakhstan\tFrance\n", 0);
            return Map.of("passerelle.glossary.dir", DIR.toAbsolutePath().toString(), "passerelle.glossary.recheck", "0s");
        }
    }

    static void write(String name, String text, int second) {
        try {
            Files.createDirectories(DIR);
            Path f = DIR.resolve(name);
            Files.writeString(f, text);
            Files.setLastModifiedTime(f, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + second)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRequestsOwnTermIsForcedAndReported() {
        given().contentType(ContentType.JSON).body(Map.of("text", "La Russie est notre partenaire stratégique.",
                        "glossary", List.of(Map.of("source", "Russie", "target", "China"))))
                .when().post("/v1/translate").then().statusCode(200)
                .body("translation", equalTo("China is our strategic partner."))
                .body("sentences[0].terms[0].source", equalTo("Russie"))
                .body("sentences[0].terms[0].target", equalTo("China"))
                .body("sentences[0].terms[0].start", equalTo(3))
                .body("sentences[0].terms[0].applied", equalTo(true));
        // Without a glossary the sentence has no terms field at all.
        given().contentType(ContentType.JSON).body(Map.of("text", "La Russie est notre partenaire stratégique."))
                .when().post("/v1/translate").then().statusCode(200)
                .body("translation", equalTo("Russia is our strategic partner."))
                .body("sentences[0].terms", nullValue());
    }

    @Test
    void aServerGlossaryByNameAndTermsKeptAsWritten() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Le Kazakhstan est un allié important.",
                        "glossary_id", "newsroom", "do_not_translate", List.of("Paris")))
                .when().post("/v1/translate").then().statusCode(200)
                .body("translation", equalTo("France is an important ally."));
        given().contentType(ContentType.JSON).body(Map.of("text", "Il pleut à Paris.", "do_not_translate", List.of("Paris")))
                .when().post("/v1/translate").then().statusCode(200)
                .body("translation", equalTo("It is raining in Paris."))
                .body("sentences[0].terms[0].applied", equalTo(true));
        given().contentType("text/plain; charset=UTF-8").body("Le Kazakhstan est un allié important.")
                .when().post("/v1/translate?glossary_id=newsroom").then().statusCode(200)
                .body(equalTo("France is an important ally."));
    }

    @Test
    void badGlossariesAreClearErrors() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Oui.", "glossary_id", "sport"))
                .when().post("/v1/translate").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("no glossary \"sport\""));
        given().contentType(ContentType.JSON).body(Map.of("text", "Oui.", "glossary", List.of(Map.of("source", "Oui"))))
                .when().post("/v1/translate").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("glossary[0]: a glossary entry needs a source and a target"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Oui.",
                        "glossary", List.of(Map.of("source", "Oui", "target", "Yes", "case", "sometimes"))))
                .when().post("/v1/translate").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("glossary[0].case"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Oui.",
                        "glossary", List.of(Map.of("source", "Oui", "target", "Ye\u0000s"))))
                .when().post("/v1/translate").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("glossary[0].target"));
        given().contentType(ContentType.JSON).body("{\"text\": \"Oui.\", \"do_not_translate\": \"Paris\"}")
                .when().post("/v1/translate").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theListingFollowsTheFolder() {
        given().when().get("/v1/glossaries").then().statusCode(200)
                .body("glossaries.name", hasItem("newsroom"));
        write("sport.tsv", "but\tgoal\nmatch nul\tdraw\n", 10);
        given().when().get("/v1/glossaries").then().statusCode(200)
                .body("glossaries.find { it.name == 'sport' }.entries", equalTo(2));
        write("sport.tsv", "but\tgoal\nmatch nul\n", 20);
        given().when().get("/v1/glossaries").then().statusCode(200)
                .body("glossaries.find { it.name == 'sport' }.entries", equalTo(2))
                .body("glossaries.find { it.name == 'sport' }.error", containsString("sport.tsv line 2"));
        assertTrue(DIR.resolve("sport.tsv").toFile().delete());
    }

    @Test
    void htmlStreamsAndDigestsApplyTheGlossaryToo() {
        given().contentType(ContentType.JSON).body(Map.of("text", "<p>La <b>Russie</b> est notre partenaire stratégique.</p>",
                        "format", "html", "glossary", List.of(Map.of("source", "Russie", "target", "China"))))
                .when().post("/v1/translate").then().statusCode(200)
                .body("translation", equalTo("<p><b>China</b> is our strategic partner.</p>"))
                .body("sentences[0].terms[0].applied", equalTo(true));
        String stream = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("text", "La Russie est notre partenaire stratégique.",
                        "glossary", List.of(Map.of("source", "Russie", "target", "China"))))
                .when().post("/v1/translate").then().statusCode(200).extract().asString();
        assertTrue(stream.contains("\"translation\":\"China is our strategic partner.\"") && stream.contains("\"applied\":true"),
                stream);
        given().contentType(ContentType.JSON).body(Map.of("text", "Le Kazakhstan est un allié important.\nIl pleut à Paris.",
                        "glossary_id", "newsroom", "bullets", 1))
                .when().post("/v1/digest").then().statusCode(200)
                .body("translation", containsString("France is an important ally."))
                .body("terms[0].source", equalTo("Kazakhstan"))
                .body("terms[0].applied", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("text", "Le Kazakhstan est un allié important.\nIl pleut à Paris.",
                        "glossary_id", "newsroom", "bullets", 2, "language", "en"))
                .when().post("/v1/summarize").then().statusCode(200)
                .body("bullets", hasItem("France is an important ally."))
                .body("terms[0].applied", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("text", "Il pleut à Paris.", "bullets", 1))
                .when().post("/v1/digest").then().statusCode(200).body("terms", nullValue());
    }
}
