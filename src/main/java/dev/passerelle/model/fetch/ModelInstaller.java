package dev.passerelle.model.fetch;

import dev.passerelle.model.ModelProvenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Installs a model as its manifest describes: what {@code fetch-model} runs, and what the service
 * runs with {@code passerelle.model.fetch-on-start}. Progress and what it is doing go to the listener.
 */
public final class ModelInstaller {

    /** Where files come from when neither the request nor the manifest names a server. */
    public static final String HUB = "https://huggingface.co";

    private final FetchListener listener;
    private final long retryDelayMillis;

    public ModelInstaller(FetchListener listener) {
        this(listener, 500);
    }

    /** For tests: retries a dropped connection after {@code retryDelayMillis} instead of half a second. */
    ModelInstaller(FetchListener listener, long retryDelayMillis) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.retryDelayMillis = retryDelayMillis;
    }

    /**
     * Fetches, verifies and installs the model, or does nothing when {@code ifMissing} and it is there.
     *
     * @throws FetchException a download failed for good or a file did not match its checksum
     * @throws IOException the manifest cannot be read or the folder cannot be written
     * @throws InterruptedException interrupted; the next run resumes the partial files
     */
    public InstallResult install(InstallRequest request) throws FetchException, IOException, InterruptedException {
        Manifest manifest = Manifest.read(request.manifest());
        Path dir = request.dir().toAbsolutePath();
        Files.createDirectories(dir.getParent());
        try (FolderLock lock = FolderLock.acquire(dir, listener)) {
            return install(request, manifest, dir);
        }
    }

    private InstallResult install(InstallRequest request, Manifest manifest, Path dir)
            throws FetchException, IOException, InterruptedException {
        // Checked under the lock: a fetch that held it may just have installed this model.
        if (request.ifMissing() && installed(manifest, dir)) {
            listener.info(manifest.id() + " is already installed in " + dir);
            return new InstallResult(true, manifest.id(), dir);
        }
        String base = request.mirror() != null ? request.mirror()
                : manifest.baseUrl() != null ? manifest.baseUrl() : HUB;
        FileSelection selection = request.selection();
        listener.info("fetching " + manifest.repository() + "@" + manifest.revision() + " ("
                + selection.variant().label() + ", " + selection.decoder().label() + " decoder) from " + base
                + " into " + dir);
        Manifest fetched = new ModelFetcher(request.transport(), listener, retryDelayMillis)
                .fetch(manifest, base, dir, selection);
        if (request.pin()) {
            fetched.write(request.manifest());
            listener.info("pinned revision, sizes and SHA-256 in " + request.manifest());
        }
        listener.info("installed " + manifest.id() + " in " + dir);
        return new InstallResult(false, manifest.id(), dir);
    }

    /** Whether {@code dir} holds this manifest's model, as recorded by an earlier fetch. */
    static boolean installed(Manifest manifest, Path dir) {
        return ModelProvenance.read(dir)
                .filter(p -> p.repository().equals(manifest.repository()))
                .filter(p -> !manifest.pinned() || p.revision().equals(manifest.revision()))
                .isPresent();
    }
}
