package dev.passerelle.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a long beam-8 request is being translated, against the packaged jar in a child JVM
 * (as Kubernetes stops the pod): the request still gets its whole answer, the process exits 0 with
 * no hs_err file (ONNX Runtime's own shutdown hook used to free its environment under the running
 * batch), and the log shows DrainOnSignal's ordered stop.
 */
@Timeout(300)
class SignalShutdownIT {

    private static final List<String> WORDS = List.of("président", "ministre", "Astana", "Paris", "Moscou", "Russie",
            "partenaire", "stratégique", "accords", "signés", "hier", "France", "allié", "important", "merci",
            "beaucoup", "arrivé", "notre", "relations", "pays");

    @TempDir
    Path work;

    private Process process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermDuringABatchDrainsAnswersAndExitsCleanly() throws Exception {
        int port = freePort();
        int management = freePort();
        Path log = work.resolve("service.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("PASSERELLE_MODEL_DIR",
                Path.of("src/test/resources/fixture-model").toAbsolutePath().toString());
        pb.environment().put("PASSERELLE_BATCH_QUEUE_CAPACITY", "3000");
        // 1,000 sentences at beam 8 take about a minute on the fixture model: a deadline (the request's,
        // and the drain's at shutdown) well above that, so the answer is a complete 200 on a slow machine too.
        pb.environment().put("PASSERELLE_BATCH_DEADLINE", "150s");
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
        process = pb.start();

        String base = "http://localhost:" + management;
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertTrue(process.isAlive(), () -> "the service exited at startup: " + read(log));
                    return get(base + "/q/health/ready").statusCode() == 200;
                });

        double before = translated(base);
        String body = new ObjectMapper().createObjectNode().put("text", distinctSentences(1_000)).put("beams", 8)
                .toString();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/translate"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        // Being translated: the batches have begun, the request is far from done.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> translated(base) > before || answer.isDone());
        assertTrue(!answer.isDone(), () -> "the request finished before SIGTERM: " + answer.handle((r, e) -> e != null
                ? e.toString() : r.statusCode() + " " + r.body()).join());

        process.destroy(); // SIGTERM on Linux

        assertTrue(process.waitFor(170, TimeUnit.SECONDS), () -> "still running 170 s after SIGTERM: " + read(log));
        String output = read(log);
        try (Stream<Path> files = Files.list(work)) {
            List<String> crashes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("hs_err_pid")).toList();
            assertTrue(crashes.isEmpty(), () -> "JVM crash files " + crashes + "\n" + output);
        }
        assertEquals(0, process.exitValue(), output);
        HttpResponse<String> r = answer.get(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), () -> r.body() + "\n" + output);
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertEquals(1_000, json.get("sentences").size(), output);
        assertTrue(output.contains("SIGTERM: draining the translation queue and closing the model"), output);
        assertTrue(output.contains("model stopped in"), output);
    }

    /** {@code n} different three-word sentences of the fixture model's vocabulary: no cache hits. */
    private static String distinctSentences(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("Le ").append(WORDS.get(i % 20)).append(' ').append(WORDS.get(i / 20 % 20)).append(' ')
                    .append(WORDS.get(i / 400)).append(". ");
        }
        return b.toString();
    }

    private double translated(String base) throws Exception {
        String text = get(base + "/q/metrics").body();
        Matcher m = Pattern.compile("(?m)^passerelle_sentences_translated_total(?:\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
