package dev.passerelle.model.fetch;

import dev.passerelle.model.ModelProvenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Downloads a model as its manifest describes, into {@code <target>.partial}, verifying every
 * file, then swaps the folder into place with a rename, so the target is either the old model or
 * the complete new one, never a mix. An interrupted run leaves {@code .part} files that the next
 * run resumes, as long as the revision has not moved since ({@link PartialFolder}).
 */
public final class ModelFetcher {

    private static final int ATTEMPTS = 4;
    /** A fetch starts over at most once when the revision moves under it, then gives up. */
    private static final int ROUNDS = 2;

    private final HttpClient http;
    private final Transport transport;
    private final FetchListener listener;
    private final long retryDelayMillis;

    public ModelFetcher(Transport transport, FetchListener listener) {
        this(transport, listener, 500);
    }

    ModelFetcher(Transport transport, FetchListener listener, long retryDelayMillis) {
        // Redirects are followed by Redirects, which decides where the token may go.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.transport = transport;
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
        URI base;
        try {
            base = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new FetchException("server " + baseUrl + " is not a valid address");
        }
        Redirects.checkServer(base, transport.allowHttp());
        Download download = new Download(new Redirects(http, base, transport));
        if (!manifest.pinned()) {
            listener.warn("the manifest pins no commit or checksums yet: files are checked against the checksums "
                    + "the server sends; run with --pin once to record them");
        }
        Path staging = target.resolveSibling(target.getFileName() + ".partial");
        PartialFolder partial = PartialFolder.open(staging, manifest, listener);
        for (int round = 1; ; round++) {
            try {
                List<ManifestFile> verified = fetchAll(manifest, baseUrl, selection, partial, download);
                String revision = manifest.pinned() ? manifest.revision() : partial.resolved();
                new ModelProvenance(manifest.id(), manifest.repository(), revision, Instant.now().toString())
                        .write(staging);
                partial.complete();
                install(staging, target);
                return new Manifest(manifest.id(), manifest.repository(), revision, manifest.baseUrl(), verified);
            } catch (PartialFolder.RevisionMoved e) {
                if (round == ROUNDS) {
                    throw new FetchException(e.getMessage() + ", again during this fetch; run it again later, or "
                            + "pin a commit in the manifest");
                }
                listener.warn(e.getMessage() + " since " + staging + " was started: discarding its files and "
                        + "starting over, so the model holds one revision");
                partial.discard(manifest);
            }
        }
    }

    /** Every wanted file verified in the partial folder: kept if unchanged since verified, else fetched. */
    private List<ManifestFile> fetchAll(Manifest manifest, String baseUrl, FileSelection selection,
                                        PartialFolder partial, Download download)
            throws FetchException, IOException, InterruptedException {
        List<ManifestFile> verified = new ArrayList<>();
        for (ManifestFile file : manifest.files()) {
            if (!selection.wants(file)) {
                verified.add(file);
                continue;
            }
            Path done = partial.dir().resolve(file.path());
            Optional<String> kept = partial.unchanged(file.path());
            if (kept.isEmpty() && Files.exists(done)) {
                listener.warn(file.path() + " in " + partial.dir() + " is not what was verified (corrupted, "
                        + "truncated, or never verified): fetching it again");
                partial.forget(file.path());
            }
            String sha = kept.isPresent() ? kept.get() : fetchVerified(manifest, baseUrl, file, partial, download);
            long size = Files.size(done);
            check(file, done, size, sha);
            listener.finished(file.path(), size, sha);
            verified.add(file.verified(size, sha));
        }
        return verified;
    }

    /** Downloads one file, retrying a dropped or stalled connection; returns its verified SHA-256. */
    private String fetchVerified(Manifest manifest, String baseUrl, ManifestFile file, PartialFolder partial,
                                 Download download) throws FetchException, IOException, InterruptedException {
        Path done = partial.dir().resolve(file.path());
        Path part = done.resolveSibling(done.getFileName() + ".part");
        String url = manifest.url(baseUrl, file);
        String host = URI.create(url).getHost();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            boolean resumed = Files.isRegularFile(part);
            Download.ServerChecksums server;
            try {
                server = download.fetch(url, part, file.path(), partial::confirm, listener);
            } catch (PartialFolder.RevisionMoved e) {
                throw e;
            } catch (FetchException e) {
                Files.deleteIfExists(part);
                throw e;
            } catch (IOException e) {
                last = e;
                listener.warn(file.path() + ": " + reason(e, host) + " (attempt " + attempt + " of " + ATTEMPTS
                        + (attempt < ATTEMPTS ? ", resuming)" : ")"));
                if (attempt < ATTEMPTS) {
                    Thread.sleep(Math.min(8000, retryDelayMillis << attempt));
                }
                continue;
            }
            try {
                long size = Files.size(part);
                String sha = Checksums.sha256(part);
                verifyAgainstServer(file, part, server, sha);
                check(file, part, size, sha);
                Files.move(part, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                partial.verified(file.path(), size, sha);
                return sha;
            } catch (FetchException e) {
                Files.deleteIfExists(part); // a corrupt part must not be resumed
                if (!resumed || attempt == ATTEMPTS) {
                    throw e;
                }
                // The bytes kept from an earlier run were wrong (a damaged disk, an older file): start afresh.
                listener.warn(e.getMessage() + " after resuming: fetching it again from the start (attempt "
                        + attempt + " of " + ATTEMPTS + ")");
            }
        }
        throw new FetchException("could not download " + file.path() + " from " + host + " after " + ATTEMPTS
                + " attempts: " + (last == null ? "" : reason(last, host))
                + "; fetching again resumes where this stopped", last);
    }

    /** What went wrong, in words: the JDK leaves the message of a refused connection empty. */
    private String reason(IOException e, String host) {
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to " + host + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "");
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + host;
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "cannot connect to " + host + " (timed out)";
        }
        if (e instanceof HttpTimeoutException && "request timed out".equals(e.getMessage())) {
            return "no answer from " + host + " for " + StallGuard.seconds(transport.stallTimeout());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Without a pinned checksum the server's must match; without either the file is refused. */
    private static void verifyAgainstServer(ManifestFile file, Path part, Download.ServerChecksums server,
                                            String actual) throws IOException, FetchException {
        if (file.sha256() != null) {
            return;
        }
        if (server.sha256().isPresent()) {
            if (!actual.equals(server.sha256().get())) {
                throw new FetchException(file.path() + ": SHA-256 " + actual + " does not match the server's "
                        + server.sha256().get());
            }
        } else if (server.gitSha1().isPresent()) {
            String blob = Checksums.gitBlobSha1(part);
            if (!blob.equals(server.gitSha1().get())) {
                throw new FetchException(file.path() + ": git blob SHA-1 " + blob + " does not match the server's "
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
