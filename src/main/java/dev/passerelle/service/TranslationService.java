package dev.passerelle.service;

import dev.passerelle.batch.BatchScheduler;
import dev.passerelle.batch.BatchSettings;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.metrics.PasserelleMetrics;
import dev.passerelle.model.DjlSettings;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.ModelProvenance;
import dev.passerelle.model.fetch.FetchCommand;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.text.ClauseSplitter;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.OpenNlpSentenceSplitter;
import dev.passerelle.text.TextNormalizer;
import dev.passerelle.tokenize.MarianTokenizer;
import dev.passerelle.translate.CachingGenerator;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Generator;
import dev.passerelle.translate.MarianEngine;
import dev.passerelle.translate.Translator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Owns the model for the service: loads it at startup, warms it with one translation, and hands
 * out the {@link Translator}. Without a model the service still starts and says how to get one.
 */
@ApplicationScoped
public class TranslationService {

    private static final Logger LOG = Logger.getLogger(TranslationService.class);

    private final PasserelleConfig config;
    private final ModelConfig model;
    private final PasserelleMetrics metrics;
    private volatile BatchScheduler scheduler;
    private volatile ModelStatus status = new ModelStatus(ModelState.LOADING, "the model is loading");
    private volatile Translator translator;
    private volatile DecodeOptions defaults;
    private volatile String modelId;
    private volatile Optional<ModelProvenance> provenance = Optional.empty();

    TranslationService(PasserelleConfig config, ModelConfig model, PasserelleMetrics metrics) {
        this.config = config;
        this.model = model;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        load();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** (Re)loads the configured model; the status tells how it went. */
    public synchronized void load() {
        close();
        DjlSettings.applyDefaults();
        Path dir = model.dir();
        status = new ModelStatus(ModelState.LOADING, "loading the model from " + dir.toAbsolutePath());
        if (!Files.isDirectory(dir) || isEmpty(dir)) {
            if (model.fetchOnStart()) {
                fetchThenLoad(dir);
                return;
            }
            status = new ModelStatus(ModelState.MISSING, missingMessage(dir));
            LOG.warn(status.message());
            return;
        }
        MarianEngine engine = null;
        MarianTokenizer tok = null;
        try {
            ModelFiles files = ModelFiles.locate(dir, model.variant(), model.decoder());
            PasserelleConfig.Onnx onnx = config.onnx();
            engine = MarianEngine.load(files, new OnnxOptions(onnx.intraOpThreads(), onnx.interOpThreads(),
                    onnx.optimizationLevel()));
            tok = MarianTokenizer.load(files.sourceSpm(), files.vocab());
            TextNormalizer normalizer = new TextNormalizer();
            MarianTokenizer forCounting = tok;
            ClauseSplitter clauses = new ClauseSplitter(s -> forCounting.encode(normalizer.normalize(s)).length,
                    config.text().maxSentenceTokens());
            Optional<ModelProvenance> origin = ModelProvenance.read(dir);
            String id = origin.map(p -> p.id() + "@" + p.revision()).orElse(engine.config().name());
            Translator t = new Translator(new DocumentSplitter(new OpenNlpSentenceSplitter(), clauses),
                    normalizer, tok, engine, generators(engine, id));
            PasserelleConfig.Generation g = config.generation();
            DecodeOptions d = new DecodeOptions(g.beams().orElse(engine.generation().numBeams()),
                    g.repetitionGuard(), g.maxLengthRatio(), g.maxLengthOffset(), g.maxBatchSentences(),
                    g.maxBatchTokens(), g.benchmarkFixedNewTokens());
            if (model.warmup()) {
                long start = System.nanoTime();
                t.translate(List.of("Le président est arrivé à Astana."), d);
                LOG.infof("warm-up translation took %d ms", (System.nanoTime() - start) / 1_000_000);
            }
            modelId = id;
            provenance = origin;
            translator = t;
            defaults = d;
            status = new ModelStatus(ModelState.READY, "serving " + engine.config().name() + " ("
                    + files.variant().label() + ", " + files.layout().name().toLowerCase() + " decoder) from "
                    + dir.toAbsolutePath());
            LOG.info(status.message());
        } catch (RuntimeException e) {
            // Any failure while loading or warming leaves the service up, not ready, and saying why.
            if (engine != null) {
                engine.close();
            }
            if (tok != null) {
                tok.close();
            }
            status = new ModelStatus(ModelState.FAILED, e.getMessage());
            LOG.error("model not loaded: " + e.getMessage());
        }
    }

    /** Fetches the model in the background (the service answers 503 meanwhile), then loads it. */
    private void fetchThenLoad(Path dir) {
        status = new ModelStatus(ModelState.LOADING, "fetching the model into " + dir.toAbsolutePath()
                + " (passerelle.model.fetch-on-start); the service is ready once it is loaded");
        LOG.info(status.message());
        Thread fetch = new Thread(() -> {
            int code = FetchCommand.run(new String[] {"--manifest", model.manifest().toString(),
                    "--dir", dir.toString(), "--variant", model.variant().label(),
                    "--decoder", model.decoder().label(), "--if-missing"});
            if (code == 0) {
                load();
            } else {
                status = new ModelStatus(ModelState.FAILED, "fetching the model into " + dir.toAbsolutePath()
                        + " failed (exit code " + code + ", see the log); " + missingMessage(dir));
                LOG.error(status.message());
            }
        }, "passerelle-fetch-model");
        fetch.setDaemon(true);
        fetch.start();
    }

    /** Engine behind the shared batch queue, behind the sentence cache when it is on. */
    private Generator generators(MarianEngine engine, String modelId) {
        PasserelleConfig.Batch b = config.batch();
        BatchScheduler s = new BatchScheduler(engine, new BatchSettings(b.maxWait(), b.queueCapacity(), b.deadline(),
                b.workers()), metrics);
        metrics.watch(s);
        scheduler = s;
        if (!config.cache().enabled()) {
            return s;
        }
        CachingGenerator cached = new CachingGenerator(s, modelId, config.cache().maxSentences());
        metrics.watch(cached.cache());
        return cached;
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return true;
        }
    }

    static String missingMessage(Path dir) {
        return "No translation model in " + dir.toAbsolutePath() + ". Fetch opus-mt-fr-en with "
                + "'java -jar target/quarkus-app/quarkus-run.jar fetch-model' (after './mvnw package'), "
                + "or start with passerelle.model.fetch-on-start=true (in dev mode: "
                + "./mvnw quarkus:dev -Dpasserelle.model.fetch-on-start=true) to fetch it now, "
                + "or point PASSERELLE_MODEL_DIR at a folder holding the model.";
    }

    public ModelStatus status() {
        return status;
    }

    /** The engine while a model is serving. */
    public Optional<MarianEngine> engine() {
        Translator t = translator;
        return t == null ? Optional.empty() : Optional.of(t.engine());
    }

    /** Model name (from config.json) and revision when the fetch command installed it. */
    public String modelId() {
        String id = modelId;
        return id != null ? id : model.dir().getFileName().toString();
    }

    /** The translator, or {@link ModelNotReadyException} with the status message. */
    public Translator translator() {
        Translator t = translator;
        if (t == null) {
            throw new ModelNotReadyException(status.message());
        }
        return t;
    }

    /** Where the serving model came from, when the fetch command installed it; read once at load. */
    public Optional<ModelProvenance> provenance() {
        return provenance;
    }

    /** Decoding defaults (beams from generation_config.json unless configured). */
    public DecodeOptions defaults() {
        DecodeOptions d = defaults;
        if (d == null) {
            throw new ModelNotReadyException(status.message());
        }
        return d;
    }

    private synchronized void close() {
        BatchScheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            // In-flight HTTP requests have finished (quarkus.shutdown.timeout); drain what is queued.
            s.shutdown(config.batch().deadline().toMillis());
        }
        Translator t = translator;
        translator = null;
        defaults = null;
        modelId = null;
        if (t != null) {
            t.close();
        }
    }
}
