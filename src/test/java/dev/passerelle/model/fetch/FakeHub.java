package dev.passerelle.model.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the Hugging Face Hub on 127.0.0.1: serves files under
 * {@code /<repo>/resolve/<revision>/<path>} with the Hub's checksum headers and Range support,
 * and can cut, stall or slow connections, corrupt bytes, redirect to another server, and move
 * its revision to new contents on demand.
 */
final class FakeHub implements AutoCloseable {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private final HttpServer server;
    private final String repo;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** File -> how many more requests to cut halfway. */
    final Map<String, Integer> cutsLeft = new ConcurrentHashMap<>();
    /** File -> bytes served instead of the real ones (headers still describe the real ones). */
    final Map<String, byte[]> corrupt = new ConcurrentHashMap<>();
    /** File -> how many more requests to answer with half the file, then nothing until closed. */
    final Map<String, Integer> stallsLeft = new ConcurrentHashMap<>();
    /** Files sent in four parts with this many milliseconds between them. */
    final Map<String, Long> trickle = new ConcurrentHashMap<>();
    /**
     * File -> base URL of the server it is redirected to (as the Hub redirects large files to its CDN),
     * under {@code /moved}, where it is served without a redirect.
     */
    final Map<String, String> redirects = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The Authorization header of every request, "none" when absent. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile boolean checksumHeaders = true;
    /** What {@code X-Repo-Commit} says: the commit the revision resolves to. */
    volatile String commit = COMMIT;
    /** File -> the commit its answers name instead, as a revision moving mid-fetch would look. */
    final Map<String, String> commitOf = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    FakeHub(String repo, Path dir, List<String> paths) throws IOException {
        this.repo = repo;
        for (String p : paths) {
            files.put(p, Files.readAllBytes(dir.resolve(p)));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor); // a stalled answer must not hold up the next request
        server.start();
    }

    /** The revision moves to {@code newCommit}, whose files are the old ones with {@code changed} replaced. */
    void publish(String newCommit, Map<String, byte[]> changed) {
        files.putAll(changed);
        commit = newCommit;
    }

    byte[] served(String path) {
        return files.get(path);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String asked = ex.getRequestURI().getPath();
        // Where a redirect leads: the same file under /moved, so a redirect to this server ends.
        boolean moved = asked.startsWith("/moved/");
        String path = moved ? asked.substring("/moved".length()) : asked;
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(asked + (range == null ? "" : " " + range));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "none" : auth);
        String prefix = "/" + repo + "/resolve/";
        int slash = path.startsWith(prefix) ? path.indexOf('/', prefix.length()) : -1;
        String name = slash < 0 ? "" : path.substring(slash + 1);
        byte[] real = files.get(name);
        if (real == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] body = corrupt.getOrDefault(name, real);
        ex.getResponseHeaders().add("X-Repo-Commit", commitOf.getOrDefault(name, commit));
        if (checksumHeaders) {
            if (name.endsWith(".json")) {
                ex.getResponseHeaders().add("ETag", "\"" + hex("SHA-1", ("blob " + real.length + "\0").getBytes(), real) + "\"");
            } else {
                ex.getResponseHeaders().add("X-Linked-Etag", "\"" + hex("SHA-256", new byte[0], real) + "\"");
            }
        }
        String elsewhere = moved ? null : redirects.get(name);
        if (elsewhere != null) {
            // To this server, a relative Location as the Hub sends for renamed repositories; else absolute.
            ex.getResponseHeaders().add("Location", (elsewhere.equals(baseUrl()) ? "" : elsewhere) + "/moved" + path);
            ex.sendResponseHeaders(302, -1);
            ex.close();
            return;
        }
        int from = 0;
        int status = 200;
        if (range != null && range.startsWith("bytes=")) {
            from = Integer.parseInt(range.substring(6, range.indexOf('-')));
            status = 206;
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        int length = body.length - from;
        ex.sendResponseHeaders(status, length);
        try (OutputStream out = ex.getResponseBody()) {
            int cuts = cutsLeft.getOrDefault(name, 0);
            if (cuts > 0) {
                cutsLeft.put(name, cuts - 1);
                out.write(body, from, length / 2);
                out.flush();
                throw new IOException("connection cut on purpose");
            }
            int stalls = stallsLeft.getOrDefault(name, 0);
            if (stalls > 0) {
                stallsLeft.put(name, stalls - 1);
                out.write(body, from, length / 2);
                out.flush();
                awaitClose(); // the connection stays open and silent, as a stuck proxy's would
                throw new IOException("stalled on purpose");
            }
            Long pause = trickle.get(name);
            if (pause != null) {
                for (int i = 0; i < 4; i++) {
                    int a = from + length * i / 4;
                    out.write(body, a, from + length * (i + 1) / 4 - a);
                    out.flush();
                    sleep(pause);
                }
                return;
            }
            out.write(body, from, length);
        }
    }

    static String hex(String algorithm, byte[] prefix, byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(prefix);
            return HexFormat.of().formatHex(md.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitClose() {
        try {
            closed.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // the server pacing its answer, not a test waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
