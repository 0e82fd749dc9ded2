package dev.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The body limit over real HTTP: it counts the bytes that arrive, so a chunked body (no
 * Content-Length) is refused too, and a body over the hard stop gets the same problem+json. After
 * each refusal the service answers normally.
 */
@QuarkusTest
class BodyLimitTest {

    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/v1/translate")
    URL translate;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static byte[] text(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'a');
        return body;
    }

    private HttpRequest.Builder post() throws Exception {
        return HttpRequest.newBuilder(translate.toURI()).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(60));
    }

    private static void assertProblem(HttpResponse<String> r, String setting) {
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("\"status\":413") && r.body().contains(setting), r.body());
    }

    @AfterEach
    void theServiceStillAnswers() throws Exception {
        HttpResponse<String> r = client.send(post().POST(HttpRequest.BodyPublishers.ofString("Merci beaucoup !")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Thank you very much!", r.body());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        // ofInputStream has no length: the client sends Transfer-Encoding: chunked, no Content-Length.
        HttpRequest request = post().POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(text(2 * MIB)))).build();
        assertTrue(request.bodyPublisher().orElseThrow().contentLength() < 0, "chunked");
        assertProblem(client.send(request, HttpResponse.BodyHandlers.ofString()), "passerelle.limits.max-body-bytes");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() throws Exception {
        HttpResponse<String> r = client.send(post().POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream("Le président est arrivé à Astana.".getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("The president arrived in Astana.", r.body());
    }

    /** Sends only the head of a request that declares 5 MB, and reads everything the server sends back. */
    private String declareFiveMegabytes(String extraHeader) throws IOException {
        try (Socket socket = new Socket(translate.getHost(), translate.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/translate HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n" + extraHeader
                    + "Content-Length: " + 5 * MIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // readAllBytes returns only once the server has closed the connection.
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertRefusedAndClosed(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("\"status\":413")
                && answer.contains("5242880 bytes") && answer.contains("passerelle.limits.max-body-bytes"), answer);
    }

    @Test
    void overTheHardStopTheAnswerComesThenTheConnectionCloses() throws IOException {
        // Declared 5 MB, over quarkus.http.limits.max-body-size: the server reads none of it, answers
        // problem+json with Connection: close and closes. A client that reads while it sends (or waits,
        // as here) gets the whole answer; one that only reads after writing all 5 MB may instead see
        // its write fail (connection reset), since nobody reads the rest.
        assertRefusedAndClosed(declareFiveMegabytes(""));
    }

    @Test
    void aClientExpecting100ContinueGetsTheRefusalInsteadAndSendsNothing() throws IOException {
        String answer = declareFiveMegabytes("Expect: 100-continue\r\n");
        assertRefusedAndClosed(answer);
        assertFalse(answer.contains("100 Continue"), answer);
    }

    @Test
    void aDeclaredBodyBetweenTheLimitAndTheHardStopIsDrainedAndTheConnectionKept() throws Exception {
        HttpResponse<String> r = client.send(post().POST(HttpRequest.BodyPublishers.ofByteArray(text(2 * MIB))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, "passerelle.limits.max-body-bytes");
        assertTrue(r.headers().firstValue("Connection").isEmpty(), "kept alive: " + r.headers().map());
    }

}
