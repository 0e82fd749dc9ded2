package dev.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.FixtureModel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile and heavy inputs of a newsroom's editorial tools, against the packaged jar run as the
 * container runs it: heap capped at 256 MB and exiting on OutOfMemoryError (failsafe's
 * {@code quarkus.test.arg-line}), so a request that exhausts memory fails the next one. Every case
 * asserts its status, a problem+json body without a stack trace, and, after each test, that the
 * same process still translates correctly.
 */
@QuarkusIntegrationTest
@WithTestResource(FixtureModel.class)
@Timeout(300)
class AbuseIT {

    private final AbuseClient http = new AbuseClient();

    @AfterEach
    void stillServesCorrectly() throws Exception {
        HttpResponse<String> r = http.json("/v1/translate", "{\"text\": \"Le président est arrivé à Astana.\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("The president arrived in Astana."), r.body());
        FixtureModel.management().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void twelveThousandTinyLinesAreSummarizedWithinTheHeap() throws Exception {
        String text = "a b c d\\n".repeat(12_000);
        for (String language : new String[] {"fr", "en"}) {
            HttpResponse<String> r = http.json("/v1/summarize", "{\"text\": \"" + text + "\", \"language\": \""
                    + language + "\", \"beams\": 1}");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"bullets\""), r.body());
        }
    }

    @Test
    void deeplyNestedHtmlIsNoServerError() throws Exception {
        // 95 kB of unclosed <div>, as an editor's broken paste comes; jsoup nests them all.
        String divs = "<div>".repeat(19_000) + "Le président est arrivé.";
        StringBuilder bold = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            bold.append("<b x=").append(i).append('>');
        }
        for (String page : new String[] {divs, bold + "Le président est arrivé."}) {
            HttpResponse<String> r = http.json("/v1/translate", "{\"format\": \"html\", \"beams\": 1, \"text\": \""
                    + page.replace("\"", "\\\"") + "\"}");
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.statusCode() + " " + r.body().substring(0,
                    Math.min(500, r.body().length())));
            if (r.statusCode() == 400) {
                http.assertProblem(r, 400);
            }
        }
    }

    @Test
    void malformedEmptyOrHiddenInputIsRefusedAtOnce() throws Exception {
        String[] bodies = {
            "{\"format\": \"html\", \"text\": \"<p>Bon&#1;jour &#0; &#xD800;</p>\"}",
            "{\"text\": \"Le pr\\u202Esident est arriv\\u00e9.\"}",
            "{\"text\": \"\\u200B\\u200B\\u00AD\\u200B\"}",
            "{\"text\": \"Bonjour\", \"text\": \"Au revoir\"}",
            "{\"text\": \"Bonjour\", \"beams\": 99999999999}",
            "{\"text\": \"Bonjour\", \"unknown\": 1}",
            "{\"text\": ",
            "",
        };
        for (String body : bodies) {
            http.assertProblem(http.json("/v1/translate", body), 400);
        }
        http.assertProblem(http.plain("/v1/translate?beams=lots", "Bonjour."), 400);
        http.assertProblem(http.plain("/v1/translate", ""), 400);
        http.assertProblem(http.send(http.post("/v1/translate", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + "a".repeat(10_000)))), 415);
    }

    @Test
    void bodiesOverTheLimitAre413WhetherChunkedOrDeclared() throws Exception {
        byte[] twoMegabytes = ("{\"text\": \"" + "Bonjour. ".repeat(233_000) + "\"}").getBytes();
        HttpResponse<String> chunked = http.send(http.post("/v1/translate", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes))));
        http.assertProblem(chunked, 413);
        // Over the 4 MB hard stop: refused before it is read, the answer sent while the client still sends.
        byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
        http.assertProblem(http.rawWhileSending("/v1/translate", fiveMegabytes), 413);
    }

    @Test
    void moreSentencesThanTheQueueHoldsIs413SayingHowToSplit() throws Exception {
        // Different sentences: repeats of one are translated once, and fit.
        String text = TestTexts.distinctSentences(2_500);
        HttpResponse<String> json = http.json("/v1/translate", "{\"text\": \"" + text + "\", \"beams\": 1}");
        http.assertProblem(json, 413);
        assertTrue(json.body().contains("split"), json.body());
        HttpResponse<String> stream = http.send(http.post("/v1/translate", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\", \"beams\": 1}")));
        http.assertProblem(stream, 413);
        assertFalse(stream.body().contains("event:"), "refused before the first event: " + stream.body());
    }

    @Test
    void aOneSentenceRequestIsNotStuckBehindAThousand() throws Exception {
        double before = translated();
        // Beam 4 and sentences the cache has not seen: many batches of work.
        CompletableFuture<HttpResponse<String>> big = http.async("/v1/translate",
                "{\"beams\": 4, \"text\": \"" + TestTexts.distinctSentences(1_000).replace("Le ", "Un ") + "\"}");
        // Wait until the big one is being translated, then send the small one.
        Awaitility.await().pollInterval(Duration.ofMillis(5)).until(() -> translated() > before || big.isDone());
        HttpResponse<String> small = http.json("/v1/translate", "{\"beams\": 1, \"text\": \"Merci beaucoup !\"}");
        assertEquals(200, small.statusCode(), small.body());
        assertFalse(big.isDone(), "the one-sentence request finished only after the 1,000-sentence one");
        assertEquals(200, big.get().statusCode());
    }

    @Test
    void aClientThatHangsUpHasItsSentencesDropped() throws Exception {
        double before = metric("passerelle_sentences_abandoned_total\\{[^}]*reason=\"disconnect\"[^}]*}");
        double translatedBefore = translated();
        // Hang up once the work has begun, as an editor closing the tab does.
        http.sendAndHangUp("/v1/translate", "{\"beams\": 4, \"text\": \""
                + TestTexts.distinctSentences(1_000).replace("Le ", "Ce ") + "\"}", () -> translated() > translatedBefore);
        Awaitility.await().until(() -> metric("passerelle_sentences_abandoned_total\\{[^}]*reason=\"disconnect\"[^}]*}")
                > before);
        Awaitility.await().until(() -> metric("passerelle_queue_depth(?:\\{[^}]*})?") == 0);
        assertTrue(translated() - translatedBefore < 1_000, "the dropped request's sentences were not all translated");
    }

    private static double translated() {
        return metric("passerelle_sentences_translated_total(?:\\{[^}]*})?");
    }

    /** Sum of the Prometheus samples whose name and labels match {@code series}. */
    private static double metric(String series) {
        String text = FixtureModel.management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
