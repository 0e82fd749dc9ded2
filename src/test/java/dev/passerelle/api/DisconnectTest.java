package dev.passerelle.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.service.ModelLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: a client that hangs up stops its translation. Its queued sentences are dropped and
 * its running batch stops, counted in {@code passerelle_sentences_abandoned_total{reason="disconnect"}},
 * and the service goes on answering others.
 */
@QuarkusTest
class DisconnectTest {

    private static final int SENTENCES = 1000;

    @Inject
    MeterRegistry registry;

    @Inject
    ModelLifecycle model;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL base;

    private static String bigText() {
        return TestTexts.distinctSentences(SENTENCES);
    }

    private double abandoned() {
        Counter c = registry.find("passerelle.sentences.abandoned").tag("reason", "disconnect").counter();
        return c == null ? 0 : c.count();
    }

    private double translated() {
        return registry.get("passerelle.sentences.translated").counter().count();
    }

    /** Sends the request on a raw socket and returns it, still open. */
    private Socket send(String accept, Map<String, Object> body) throws Exception {
        byte[] bytes = json.writeValueAsBytes(body);
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/translate HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                + "Accept: " + accept + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    private void assertStillServing() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Le président est arrivé à Astana."))
                .when().post("/v1/translate")
                .then().statusCode(200).body("translation", equalTo("The president arrived in Astana."));
    }

    @Test
    void aClientThatHangsUpStopsItsTranslation() throws Exception {
        double abandonedBefore = abandoned();
        double translatedBefore = translated();
        try (Socket socket = send("application/json", Map.of("text", bigText(), "beams", 1))) {
            // Hang up once the work has surely begun: sentences queued or translated.
            await("the translation started").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> model.current().scheduler().depth() > 0 || translated() > translatedBefore);
        }
        await("sentences abandoned").atMost(Duration.ofSeconds(30)).until(() -> abandoned() > abandonedBefore);
        await("queue empty").atMost(Duration.ofSeconds(30)).until(() -> model.current().scheduler().depth() == 0);
        double done = translated() - translatedBefore;
        assertTrue(done < SENTENCES, "only " + done + " of " + SENTENCES + " sentences should have been translated");
        assertStillServing();
        assertTrue(translated() - translatedBefore < SENTENCES + 1, "nothing of the abandoned request ran later");
    }

    @Test
    void aClientThatLeavesAStreamStopsItsWork() throws Exception {
        double abandonedBefore = abandoned();
        try (Socket socket = send("text/event-stream", Map.of("text", bigText().replace("Le ", "La "), "beams", 1))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.startsWith("event:sentence") && !line.startsWith("event: sentence"));
            assertTrue(line != null, "a first sentence arrived");
        }
        await("sentences abandoned").atMost(Duration.ofSeconds(30)).until(() -> abandoned() > abandonedBefore);
        assertStillServing();
    }
}
