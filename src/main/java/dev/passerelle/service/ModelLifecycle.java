package dev.passerelle.service;

import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.model.DjlSettings;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.fetch.FetchException;
import dev.passerelle.model.fetch.InstallRequest;
import dev.passerelle.model.fetch.LogProgress;
import dev.passerelle.model.fetch.ModelInstaller;
import dev.passerelle.translate.DecodeOptions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The model's life in the service: loads it at startup (fetching it first when configured to),
 * warms it with one translation, says where it stands, reloads and closes it. Building the
 * pipeline itself is {@link PipelineFactory}'s job. Without a model the service still starts,
 * reports itself not ready and says how to get one.
 */
@ApplicationScoped
public class ModelLifecycle {

    private static final Logger LOG = Logger.getLogger(ModelLifecycle.class);
    private static final String WARM_UP_TEXT = "Le président est arrivé à Astana.";
    /** Tokens the warm-up generates: enough to run every graph (encoder, first and later steps, scorer, beam gather). */
    static final int WARM_UP_TOKENS = 4;
    private static final long FETCH_STOP_MILLIS = 10_000;

    private final ModelConfig config;
    private final PasserelleConfig.Batch batch;
    private final PipelineFactory factory;
    private volatile ModelStatus status = new ModelStatus(ModelState.LOADING, "the model is loading");
    /** Guards {@link #stopped} and {@link #status} together, so no status is published after STOPPING. */
    private final Object statusLock = new Object();
    private volatile LoadedModel current;
    private volatile boolean stopped;
    private volatile Thread fetch;

    ModelLifecycle(ModelConfig config, PasserelleConfig service, PipelineFactory factory) {
        this.config = config;
        this.batch = service.batch();
        this.factory = factory;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.loadInBackground()) {
            load();
            return;
        }
        // The graphs load while Quarkus opens its ports: start-to-ready is the longer of the two,
        // not their sum. Readiness stays DOWN (status LOADING) until load() sets the model.
        Thread t = new Thread(this::load, "passerelle-load-model");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Ordered stop of the model: readiness DOWN and new work answered 503 ("shutting down"), the
     * queue drained for up to {@code passerelle.batch.deadline}, the rest abandoned, the workers
     * joined, then the native sessions closed. Safe to call more than once (the signal handler,
     * then the ShutdownEvent); later calls find nothing left to close. During a load it waits for
     * the graphs to finish opening (a native session cannot be abandoned half made), then closes them.
     */
    public void stop() {
        synchronized (statusLock) {
            stopped = true;
            status = new ModelStatus(ModelState.STOPPING, "the service is shutting down");
        }
        stopFetch();
        close();
    }

    /**
     * Stops a fetch still running: at shutdown, and in dev mode at every reload, whose new
     * application starts its own fetch (resuming the partial files once this one lets go of them).
     */
    private void stopFetch() {
        Thread t = fetch;
        fetch = null;
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(FETCH_STOP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** (Re)loads the configured model; the status tells how it went. */
    public synchronized void load() {
        if (stopped) {
            return; // shutting down (or reloaded in dev mode): a late fetch must not load a model nobody closes
        }
        close();
        DjlSettings.applyDefaults();
        Path dir = config.dir();
        publish(new ModelStatus(ModelState.LOADING, "loading the model from " + dir.toAbsolutePath()));
        if (isEmpty(dir)) {
            if (config.fetchOnStart()) {
                fetchThenLoad(dir);
                return;
            }
            publish(new ModelStatus(ModelState.MISSING, missingMessage(dir)));
            LOG.warn(missingMessage(dir));
            return;
        }
        LoadedModel loaded = null;
        try {
            long start = System.nanoTime();
            ModelFiles files = ModelFiles.locate(dir, config.variant(), config.decoder());
            loaded = factory.build(files);
            long built = System.nanoTime();
            if (stopped) {
                // SIGTERM came while the graphs opened (stop() is waiting for this load): no warm-up, no serving.
                loaded.close(0);
                LOG.info("the service is stopping: the model just loaded is closed without serving");
                return;
            }
            if (config.warmup()) {
                DecodeOptions d = loaded.defaults();
                loaded.translator().translate(List.of(WARM_UP_TEXT), new DecodeOptions(d.beams(), d.repetitionGuard(),
                        d.maxLengthRatio(), d.maxLengthOffset(), WARM_UP_TOKENS));
            }
            current = loaded; // a stop() from now on finds it and closes it
            String serving = "serving " + loaded.translator().engine().config().name()
                    + " (" + files.variant().label() + ", " + files.layout().name().toLowerCase(java.util.Locale.ROOT)
                    + " decoder) from " + dir.toAbsolutePath();
            publish(new ModelStatus(ModelState.READY, serving));
            LOG.infof("%s; loaded in %d ms, warmed up in %d ms", serving, (built - start) / 1_000_000,
                    (System.nanoTime() - built) / 1_000_000);
        } catch (RuntimeException | Error e) {
            // Any failure while loading or warming leaves the service up, not ready, and saying why.
            // Errors too: ONNX Runtime's native library failing to load throws one (an
            // ExceptionInInitializerError), which on the background thread would end the load with
            // nothing said and the status stuck at "loading".
            if (loaded != null) {
                loaded.close(0);
            }
            String why = describe(e);
            publish(new ModelStatus(ModelState.FAILED, why));
            if (e instanceof Error) {
                LOG.error("model not loaded: " + why, e); // not a broken model file: the stack trace says where
            } else {
                LOG.error("model not loaded: " + why);
            }
        }
    }

    /** Sets the status, unless the service is stopping: readiness must not turn UP during shutdown. */
    private void publish(ModelStatus s) {
        synchronized (statusLock) {
            if (!stopped) {
                status = s;
            }
        }
    }

    /** A failure in one line: its message, or for one without (ExceptionInInitializerError) its causes'. */
    static String describe(Throwable e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage());
            }
        }
        return b.toString();
    }

    /** Fetches the model in the background (the service answers 503 meanwhile), then loads it. */
    private void fetchThenLoad(Path dir) {
        String fetching = "fetching the model into " + dir.toAbsolutePath()
                + " (passerelle.model.fetch-on-start); the service is ready once it is loaded";
        publish(new ModelStatus(ModelState.LOADING, fetching));
        LOG.info(fetching);
        Thread t = new Thread(() -> {
            try {
                new ModelInstaller(new LogProgress(LOG)).install(InstallRequest.forService(config.manifest(), dir,
                        config.variant(), config.decoder(), config.allowInsecureMirror(), config.fetchStallTimeout(),
                        System.getenv()));
            } catch (FetchException | IOException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                // Offline, or the hub refused: not ready, and the status says why and what else to do.
                String failed = "fetching the model into " + dir.toAbsolutePath()
                        + " failed: " + e.getMessage() + ". Check the connection to the hub (or set "
                        + "PASSERELLE_MODEL_MIRROR to a mirror of it) and restart; or point PASSERELLE_MODEL_DIR at a "
                        + "folder holding the model (src/test/resources/fixture-model is a small test model).";
                publish(new ModelStatus(ModelState.FAILED, failed));
                LOG.error(failed);
                return;
            } catch (InterruptedException e) {
                LOG.info("fetch stopped; the next start resumes it");
                return;
            }
            if (!stopped) {
                load();
            }
        }, "passerelle-fetch-model");
        t.setDaemon(true);
        fetch = t;
        t.start();
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    static String missingMessage(Path dir) {
        return "No translation model in " + dir.toAbsolutePath() + ". Fetch opus-mt-fr-en with "
                + "'java -jar target/quarkus-app/quarkus-run.jar fetch-model' (after './mvnw package'), "
                + "or start with passerelle.model.fetch-on-start=true (on by default in dev mode) to fetch it "
                + "at startup, or point PASSERELLE_MODEL_DIR at a folder holding the model.";
    }

    /** Where the model stands now: what readiness, /v1/models and every 503 report. */
    public ModelStatus status() {
        return status;
    }

    /** The serving model, or {@link ModelNotReadyException} with the status message. */
    public LoadedModel current() {
        LoadedModel m = current;
        if (m == null) {
            throw new ModelNotReadyException(status.message());
        }
        return m;
    }

    /** The serving model, if any: for reports that also work without one. */
    public Optional<LoadedModel> serving() {
        return Optional.ofNullable(current);
    }

    /** Model id for answers: name and revision when serving, else the folder's name. */
    public String modelId() {
        LoadedModel m = current;
        return m != null ? m.modelId() : config.dir().getFileName().toString();
    }

    private synchronized void close() {
        LoadedModel m = current;
        current = null;
        if (m != null) {
            // In-flight HTTP requests have finished (quarkus.shutdown.timeout); drain what is queued.
            m.close(batch.deadline().toMillis());
        }
    }
}
