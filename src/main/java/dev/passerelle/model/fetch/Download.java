package dev.passerelle.model.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Downloads one URL into a {@code .part} file, resuming from its current length with an HTTP
 * Range request, and remembers the checksum headers the Hub sends ({@code X-Linked-Etag}: the
 * SHA-256 of LFS files; {@code ETag}: the git blob SHA-1 of small files) even across redirects.
 */
final class Download {

    private final Redirects redirects;

    Download(Redirects redirects) {
        this.redirects = redirects;
    }

    /** Checksums the server vouched for, if any. */
    record ServerChecksums(Optional<String> sha256, Optional<String> gitSha1, Optional<String> commit) {
    }

    /** Sees the commit a response names before its body is written; throws to refuse the body. */
    @FunctionalInterface
    interface CommitCheck {
        void check(Optional<String> commit) throws IOException, FetchException;
    }

    ServerChecksums fetch(String url, Path part, String path, CommitCheck commitCheck, FetchListener listener)
            throws IOException, InterruptedException, FetchException {
        long already = Files.exists(part) ? Files.size(part) : 0;
        Map<String, String> headers = already > 0 ? Map.of("Range", "bytes=" + already + "-") : Map.of();
        try (Redirects.Response resp = redirects.get(URI.create(url), headers)) {
            ServerChecksums server = checksums(resp.headers());
            commitCheck.check(server.commit());
            int status = resp.status();
            if (status == 416 && already > 0) {
                // The part file already holds the whole file.
                return server;
            }
            if (status != 200 && status != 206) {
                throw new FetchException("GET " + url + " answered HTTP " + status);
            }
            boolean append = status == 206;
            if (!append) {
                already = 0;
            }
            long length = resp.headers().get(0).firstValueAsLong("Content-Length").orElse(-1);
            long total = length < 0 ? -1 : already + length;
            listener.started(path, already, total);
            copy(resp.body(), part, append, path, already, total, listener);
            return server;
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
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("fetch of " + path + " stopped");
            }
            throw e;
        }
    }

    /** Reads checksum headers from the response and the redirects that led to it. */
    private static ServerChecksums checksums(List<HttpHeaders> responses) {
        Optional<String> sha256 = Optional.empty();
        Optional<String> gitSha1 = Optional.empty();
        Optional<String> commit = Optional.empty();
        for (HttpHeaders h : responses) {
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
