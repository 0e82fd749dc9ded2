package dev.passerelle.model.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads one URL into a {@code .part} file, resuming from its current length with an HTTP
 * Range request, and remembers the checksum headers the Hub sends ({@code X-Linked-Etag}: the
 * SHA-256 of LFS files; {@code ETag}: the git blob SHA-1 of small files) even across redirects.
 */
final class Download {

    private final HttpClient http;
    private final String token;

    Download(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Checksums the server vouched for, if any. */
    record ServerChecksums(Optional<String> sha256, Optional<String> gitSha1, Optional<String> commit) {
    }

    ServerChecksums fetch(String url, Path part, String path, FetchListener listener)
            throws IOException, InterruptedException, FetchException {
        long already = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2))
                .header("User-Agent", "passerelle-fetch");
        if (token != null && !token.isBlank()) {
            req.header("Authorization", "Bearer " + token);
        }
        if (already > 0) {
            req.header("Range", "bytes=" + already + "-");
        }
        HttpResponse<InputStream> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = resp.body()) {
            int status = resp.statusCode();
            boolean append = status == 206;
            if (status == 416 && already > 0) {
                // The part file already holds the whole file.
                return checksums(resp);
            }
            if (status != 200 && status != 206) {
                throw new FetchException("GET " + url + " answered HTTP " + status);
            }
            if (!append) {
                already = 0;
            }
            long length = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = length < 0 ? -1 : already + length;
            listener.started(path, already, total);
            copy(body, part, append, path, already, total, listener);
            return checksums(resp);
        }
    }

    private static void copy(InputStream in, Path part, boolean append, String path, long already, long total,
                             FetchListener listener) throws IOException, InterruptedException {
        Files.createDirectories(part.getParent());
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            long done = already;
            long lastReport = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (Thread.currentThread().isInterrupted()) {
                    // Stopped (the service shutting down, dev mode reloading): the .part file resumes later.
                    throw new InterruptedException("fetch of " + path + " stopped");
                }
                out.write(buf, 0, n);
                done += n;
                long now = System.nanoTime();
                if (now - lastReport > 200_000_000L) {
                    listener.progressed(path, done, total);
                    lastReport = now;
                }
            }
            listener.progressed(path, done, total);
        }
    }

    /** Reads checksum headers from the response and the redirects that led to it. */
    private static ServerChecksums checksums(HttpResponse<?> resp) {
        Optional<String> sha256 = Optional.empty();
        Optional<String> gitSha1 = Optional.empty();
        Optional<String> commit = Optional.empty();
        for (HttpResponse<?> r = resp; r != null; r = r.previousResponse().orElse(null)) {
            HttpHeaders h = r.headers();
            sha256 = sha256.or(() -> hex(h.firstValue("X-Linked-Etag"), 64));
            gitSha1 = gitSha1.or(() -> hex(h.firstValue("ETag"), 40));
            commit = commit.or(() -> hex(h.firstValue("X-Repo-Commit"), 40));
        }
        return new ServerChecksums(sha256, gitSha1, commit);
    }

    private static Optional<String> hex(Optional<String> header, int length) {
        return header.map(v -> v.replace("W/", "").replace("\"", "").trim().toLowerCase())
                .filter(v -> v.length() == length && v.chars().allMatch(c -> Character.digit(c, 16) >= 0));
    }
}
