package dev.passerelle.api;

import static org.awaitility.Awaitility.await;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The body limit over real HTTP: it counts the bytes that arrive, so a chunked body (no
 * Content-Length) is refused too, and a body over the hard stop gets the same problem+json. An
 * empty body is answered at once, form encodings get 415 unread, a client hanging up is no error.
 * After each the service answers normally.
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

    private HttpRequest.Builder postAs(String type) throws Exception {
        return HttpRequest.newBuilder(translate.toURI()).header("Content-Type", type).timeout(Duration.ofSeconds(60));
    }

    private static void assertProblem(HttpResponse<String> r, String setting) {
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("\"status\":413") && r.body().contains(setting), r.body());
    }

    private final List<Handler> logHandlers = new CopyOnWriteArrayList<>();

    @AfterEach
    void theServiceStillAnswers() throws Exception {
        logHandlers.forEach(Logger.getLogger("io.quarkus.vertx.http")::removeHandler);
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

    @ParameterizedTest
    @CsvSource({"/v1/translate, application/json, the body must be a JSON object",
            "/v1/translate, text/plain, body is empty",
            "/v1/summarize, application/json, the body must be a JSON object",
            "/v1/digest, application/json, the body must be a JSON object"})
    @Timeout(10)
    void anEmptyBodyIsAnsweredAtOnce(String path, String type, String detail) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(translate.toURI().resolve(path)).header("Content-Type", type)
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build();
        assertEquals(0, request.bodyPublisher().orElseThrow().contentLength(), "Content-Length: 0");
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains(detail), r.body());
    }

    private static void assertUnsupported(HttpResponse<String> r) {
        assertEquals(415, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("\"status\":415") && r.body().contains("application/json"), r.body());
    }

    @Test
    void aFormWithALongFieldIs415() throws Exception {
        List<LogRecord> errors = errorsLogged();
        assertUnsupported(client.send(postAs("application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + "a".repeat(10_000))).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void aMultipartBodyIs415() throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + "a".repeat(10_000) + "\r\n--b--\r\n";
        assertUnsupported(client.send(postAs("multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    @Timeout(60)
    void aHugeChunkedFormIsCutAtTheHardStop() throws IOException {
        try (Socket socket = new Socket(translate.getHost(), translate.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/translate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = text(64 * 1024);
            long sent = 0;
            try {
                while (sent < 64L * MIB) {
                    out.write(("10000\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
            } catch (IOException cut) {
                return; // the server closed the connection, well short of 64 MiB
            }
            throw new AssertionError("the server read " + sent + " bytes of a form without cutting it");
        }
    }

    @Test
    void aClientHangingUpMidBodyIsNoError() throws Exception {
        List<LogRecord> errors = errorsLogged();
        try (Socket socket = new Socket(translate.getHost(), translate.getPort())) {
            socket.getOutputStream().write(("POST /v1/translate HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000\r\n\r\nLe président").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(errors::isEmpty);
    }

    @Test
    void a413CarriesTheRequestId() throws Exception {
        HttpResponse<String> r = client.send(post().header("X-Request-Id", "trace-42.a:b")
                .POST(HttpRequest.BodyPublishers.ofByteArray(text(2 * MIB))).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, "passerelle.limits.max-body-bytes");
        assertEquals("trace-42.a:b", r.headers().firstValue("X-Request-Id").orElse(""));
        r = client.send(post().header("X-Request-Id", "not safe <script>")
                .POST(HttpRequest.BodyPublishers.ofByteArray(text(2 * MIB))).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, "passerelle.limits.max-body-bytes");
        assertTrue(r.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f-]{36}"), r.headers().map().toString());
    }

    /** ERROR records logged from now on by the HTTP layer (Quarkus's error handler). */
    private List<LogRecord> errorsLogged() {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logHandlers.add(handler);
        Logger.getLogger("io.quarkus.vertx.http").addHandler(handler);
        return errors;
    }

}
