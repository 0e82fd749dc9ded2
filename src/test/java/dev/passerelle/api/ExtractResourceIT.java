package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.passerelle.FixtureModel;
import dev.passerelle.clean.Article;
import dev.passerelle.clean.Extraction;
import dev.passerelle.clean.PageCorpus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/extract} against the packaged jar, on real pages: the jar's answer is the reader
 * view as the library computes it, Readability included (its Kotlin runtime ships in the jar too).
 */
@QuarkusIntegrationTest
@WithTestResource(FixtureModel.class)
class ExtractResourceIT {

    @Test
    void realPagesComeOutAsTheReaderViewWithReadability() throws IOException {
        List<PageCorpus.Page> pages = PageCorpus.read(Path.of("src/test/resources/pages/orangesum/pages.tar.xz"),
                Path.of("src/test/resources/pages/orangesum/texts.jsonl.xz")).subList(0, 3);
        boolean readabilityMatters = false;
        for (PageCorpus.Page p : pages) {
            Article expected = Extraction.READER.extract(p.html());
            List<String> paragraphs = given().contentType("text/html; charset=UTF-8")
                    .body(p.html().getBytes(StandardCharsets.UTF_8)).when().post("/v1/extract")
                    .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath().getList("paragraphs");
            assertEquals(expected.paragraphs(), paragraphs, p.id());
            readabilityMatters |= !Extraction.BLOCKS.extract(p.html()).paragraphs().equals(paragraphs);
        }
        // Without Readability (a failure inside it falls back silently) at least one page would differ.
        assertNotEquals(false, readabilityMatters, "these pages do not tell Readability's container from the fallback");
    }
}
