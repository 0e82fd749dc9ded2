package dev.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;

/** Plain HTTP to the application under test, and the checks every refused request must pass. */
final class AbuseClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Read on each use: the test framework sets the port once the application runs, after this is made. */
    private static URI base() {
        return URI.create("http://localhost:" + RestAssured.port);
    }

    HttpRequest.Builder post(String path, String contentType) {
        return HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> json(String path, String body) throws IOException, InterruptedException {
        return send(post(path, "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> plain(String path, String body) throws IOException, InterruptedException {
        return send(post(path, "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    CompletableFuture<HttpResponse<String>> async(String path, String body) {
        return client.sendAsync(post(path, "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a JSON request on a raw socket and hangs up, without reading the answer, once
     * {@code started} holds (or after 60 s): a client that gives up on a long translation.
     */
    void sendAndHangUp(String path, String body, Callable<Boolean> started) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", base().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head(path, bytes.length, ""));
            out.write(bytes);
            out.flush();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(started);
        }
    }

    /**
     * Sends {@code body} on a raw socket while reading the answer, as browsers and curl do (the JDK
     * 17 client waits forever on an early answer to {@code Expect: 100-continue}); returns the
     * status and the body of the answer. The server may close before the body is all sent.
     */
    Answer rawWhileSending(String path, byte[] body) throws Exception {
        try (Socket socket = new Socket("localhost", base().getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, body.length, ""));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed: the rest of the body is not wanted.
                }
            });
            writer.start();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join(60_000);
            return Answer.parse(answer);
        }
    }

    private static byte[] head(String path, int length, String extra) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n" + extra + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** What came back: enough to check a refusal. */
    record Answer(int status, String contentType, String body) {

        static Answer of(HttpResponse<String> r) {
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        }

        /** Reads a raw HTTP/1.1 answer with a Content-Length body (what the service sends for errors). */
        static Answer parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String type = "";
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    type = line.substring(13).strip();
                }
            }
            int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Answer(status, type, split < 0 ? "" : raw.substring(split + 4));
        }
    }

    void assertProblem(HttpResponse<String> r, int status) {
        assertProblem(Answer.of(r), status);
    }

    /** The refusal is {@code status}, as problem+json naming that status, and shows nothing of the code. */
    void assertProblem(Answer r, int status) {
        String shown = r.body().length() > 500 ? r.body().substring(0, 500) + "..." : r.body();
        assertEquals(status, r.status(), shown);
        assertTrue(r.contentType().startsWith("application/problem+json"), "problem+json: " + r.contentType());
        assertTrue(r.body().contains("\"status\":" + status) || r.body().contains("\"status\": " + status), shown);
        assertTrue(r.body().contains("\"detail\""), shown);
        for (String trace : new String[] {"\tat ", "Exception", "dev.passerelle.", "io.vertx.", "java.lang."}) {
            assertFalse(r.body().contains(trace), "no stack trace or class name in " + shown);
        }
    }
}
