package dev.passerelle.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The editor page is revalidated after ten minutes and may only load its own files; the API is not given page headers. */
@QuarkusTest
class PageHeadersTest {

    @Test
    void thePageAndItsFilesCarryTheirPolicy() {
        for (String path : new String[] {"/", "/index.html", "/app.js", "/app.css"}) {
            given().when().get(path).then().statusCode(200)
                    .header("Cache-Control", containsString("max-age=600"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void theApiHasNoPagePolicy() {
        given().when().get("/v1/models").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }
}
