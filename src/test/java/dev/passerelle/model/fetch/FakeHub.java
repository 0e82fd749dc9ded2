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

/**
 * A local stand-in for the Hugging Face Hub on 127.0.0.1: serves files under
 * {@code /<repo>/resolve/<revision>/<path>} with the Hub's checksum headers and Range support,
 * and can cut connections or corrupt bytes on demand.
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
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean checksumHeaders = true;

    FakeHub(String repo, Path dir, List<String> paths) throws IOException {
        this.repo = repo;
        for (String p : paths) {
            files.put(p, Files.readAllBytes(dir.resolve(p)));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(path + (range == null ? "" : " " + range));
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
        ex.getResponseHeaders().add("X-Repo-Commit", COMMIT);
        if (checksumHeaders) {
            if (name.endsWith(".json")) {
                ex.getResponseHeaders().add("ETag", "\"" + hex("SHA-1", ("blob " + real.length + "\0").getBytes(), real) + "\"");
            } else {
                ex.getResponseHeaders().add("X-Linked-Etag", "\"" + hex("SHA-256", new byte[0], real) + "\"");
            }
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

    @Override
    public void close() {
        server.stop(0);
    }
}
