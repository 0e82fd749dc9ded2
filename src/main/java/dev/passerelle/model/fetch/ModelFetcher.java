package dev.passerelle.model.fetch;

import dev.passerelle.model.ModelProvenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Downloads a model as its manifest describes, into {@code <target>.partial}, verifying every
 * file, then swaps the folder into place with a rename, so the target is either the old model or
 * the complete new one, never a mix. An interrupted run leaves {@code .part} files that the next
 * run resumes.
 */
public final class ModelFetcher {

    private static final int ATTEMPTS = 4;

    private final Download download;
    private final FetchListener listener;
    private final long retryDelayMillis;

    public ModelFetcher(String token, FetchListener listener) {
        this(token, listener, 500);
    }

    ModelFetcher(String token, FetchListener listener, long retryDelayMillis) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.download = new Download(http, token);
        this.listener = listener;
        this.retryDelayMillis = retryDelayMillis;
    }

    /**
     * Fetches the files {@code selection} wants (plus those every model needs) from
     * {@code baseUrl} and installs them in {@code target}.
     *
     * @return the manifest with every fetched file's size and SHA-256 and the resolved revision
     */
    public Manifest fetch(Manifest manifest, String baseUrl, Path target, FileSelection selection)
            throws FetchException, IOException, InterruptedException {
        Path staging = target.resolveSibling(target.getFileName() + ".partial");
        Files.createDirectories(staging);
        if (!manifest.pinned()) {
            listener.warn("the manifest pins no commit or checksums yet: files are checked against the checksums "
                    + "the server sends; run with --pin once to record them");
        }
        List<ManifestFile> verified = new ArrayList<>();
        String commit = null;
        for (ManifestFile file : manifest.files()) {
            if (!selection.wants(file)) {
                verified.add(file);
                continue;
            }
            Path done = staging.resolve(file.path());
            Download.ServerChecksums server = null;
            if (!Files.isRegularFile(done)) {
                server = fetchVerified(manifest, baseUrl, file, done);
                commit = commit != null ? commit : server.commit().orElse(null);
            }
            long size = Files.size(done);
            String sha = Checksums.sha256(done);
            check(file, done, size, sha);
            listener.finished(file.path(), size, sha);
            verified.add(file.verified(size, sha));
        }
        String revision = manifest.pinned() || commit == null ? manifest.revision() : commit;
        new ModelProvenance(manifest.id(), manifest.repository(), revision, Instant.now().toString()).write(staging);
        install(staging, target);
        return new Manifest(manifest.id(), manifest.repository(), revision, manifest.baseUrl(), verified);
    }

    private Download.ServerChecksums fetchVerified(Manifest manifest, String baseUrl, ManifestFile file, Path done)
            throws FetchException, IOException, InterruptedException {
        Path part = done.resolveSibling(done.getFileName() + ".part");
        String url = manifest.url(baseUrl, file);
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Download.ServerChecksums server = download.fetch(url, part, file.path(), listener);
                verifyAgainstServer(file, part, server);
                check(file, part, Files.size(part), Checksums.sha256(part));
                Files.move(part, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return server;
            } catch (FetchException e) {
                Files.deleteIfExists(part); // a corrupt part must not be resumed
                throw e;
            } catch (IOException e) {
                last = e;
                listener.warn(file.path() + ": " + reason(e, url) + " (attempt " + attempt + " of " + ATTEMPTS
                        + ", resuming)");
                Thread.sleep(Math.min(8000, retryDelayMillis << attempt));
            }
        }
        throw new FetchException("could not download " + url + " after " + ATTEMPTS + " attempts: "
                + (last == null ? "" : reason(last, url)) + "; fetching again resumes where this stopped", last);
    }

    /** What went wrong, in words: the JDK leaves the message of a refused connection empty. */
    private static String reason(IOException e, String url) {
        String host = java.net.URI.create(url).getHost();
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to " + host + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "");
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + host;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Without a pinned checksum the server's must match; without either the file is refused. */
    private static void verifyAgainstServer(ManifestFile file, Path part, Download.ServerChecksums server)
            throws IOException, FetchException {
        if (file.sha256() != null) {
            return;
        }
        if (server.sha256().isPresent()) {
            String actual = Checksums.sha256(part);
            if (!actual.equals(server.sha256().get())) {
                throw new FetchException(file.path() + ": SHA-256 " + actual + " does not match the server's "
                        + server.sha256().get());
            }
        } else if (server.gitSha1().isPresent()) {
            String actual = Checksums.gitBlobSha1(part);
            if (!actual.equals(server.gitSha1().get())) {
                throw new FetchException(file.path() + ": git blob SHA-1 " + actual + " does not match the server's "
                        + server.gitSha1().get());
            }
        } else {
            throw new FetchException(file.path() + ": cannot be verified: the manifest pins no SHA-256 and the "
                    + "server sent no checksum header");
        }
    }

    private static void check(ManifestFile file, Path p, long size, String sha) throws FetchException, IOException {
        if (file.size() != null && file.size() != size) {
            Files.deleteIfExists(p);
            throw new FetchException(file.path() + ": " + size + " bytes, the manifest says " + file.size());
        }
        if (file.sha256() != null && !file.sha256().equalsIgnoreCase(sha)) {
            Files.deleteIfExists(p);
            throw new FetchException(file.path() + ": SHA-256 " + sha + " does not match the manifest's "
                    + file.sha256() + "; the file was deleted");
        }
    }

    /** Swaps the staged folder into place; an existing model is replaced only once the new one is complete. */
    static void install(Path staging, Path target) throws IOException {
        Path old = target.resolveSibling(target.getFileName() + ".old");
        deleteTree(old);
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadOld) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        deleteTree(old);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
