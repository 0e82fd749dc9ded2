package dev.passerelle.service;

import dev.passerelle.batch.BatchScheduler;
import dev.passerelle.batch.BatchSettings;
import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.lang.LanguageGate;
import dev.passerelle.metrics.PasserelleMetrics;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.ModelProvenance;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.CachingGenerator;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Generator;
import dev.passerelle.translate.MarianEngine;
import dev.passerelle.tokenize.MarianTokenizer;
import dev.passerelle.translate.Translator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds the service's pipeline for a model folder from the settings: the translator (which keeps
 * English sentences as they are), behind the shared batch queue, behind the sentence cache when it
 * is on, and the decoding defaults.
 */
@ApplicationScoped
public class PipelineFactory {

    private final PasserelleConfig config;
    private final PasserelleMetrics metrics;
    private final LanguageGate languages;

    PipelineFactory(PasserelleConfig config, PasserelleMetrics metrics, LanguageGate languages) {
        this.config = config;
        this.metrics = metrics;
        this.languages = languages;
    }

    /** Loads the model of {@code files}; the caller owns the result and closes it. */
    public LoadedModel build(ModelFiles files) {
        PasserelleConfig.Onnx onnx = config.onnx();
        PasserelleConfig.Generation g = config.generation();
        BatchLimits limits = new BatchLimits(g.maxBatchSentences(), g.maxBatchTokens());
        // The vocabulary (60,000 pieces of JSON) and SentencePiece models load while the graphs open.
        CompletableFuture<MarianTokenizer> tokenizer = CompletableFuture.supplyAsync(
                () -> MarianTokenizer.load(files.sourceSpm(), files.targetSpm(), files.vocab()),
                r -> daemon(r, "passerelle-load-tokenizer"));
        MarianEngine engine;
        try {
            engine = MarianEngine.load(files,
                    new OnnxOptions(onnx.intraOpThreads(), onnx.interOpThreads(), onnx.optimizationLevel().name()), limits);
        } catch (RuntimeException e) {
            tokenizer.thenAccept(MarianTokenizer::close); // closed once it has loaded, if it does
            throw e;
        }
        MarianTokenizer words;
        try {
            words = tokenizer.join();
        } catch (CompletionException e) {
            engine.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        BatchScheduler scheduler = null;
        try {
            languages.requireReady(); // read since launch (Main); a detector that cannot load fails the load here
            Optional<ModelProvenance> origin = ModelProvenance.read(files.dir());
            String id = origin.map(p -> p.id() + "@" + p.revision()).orElse(engine.config().name());
            PasserelleConfig.Batch b = config.batch();
            scheduler = new BatchScheduler(engine,
                    new BatchSettings(b.maxWait(), b.queueCapacity(), b.deadline(), b.workers(), limits), metrics);
            DecodeOptions defaults = new DecodeOptions(g.beams().orElse(engine.generation().numBeams()),
                    g.repetitionGuard(), g.maxLengthRatio(), g.maxLengthOffset(), g.benchmarkFixedNewTokens());
            Generator generator = cached(scheduler, id);
            // English sentences inside a French text are kept as they are, for translate, stream and digest alike.
            Translator translator = Translator.over(engine, words, config.text().maxSentenceTokens(),
                    generator, languages::isEnglishSentence);
            metrics.watch(scheduler);
            return new LoadedModel(translator, scheduler, defaults, id, origin);
        } catch (RuntimeException e) {
            // Nothing half-built survives: the workers stop, the native sessions and tokenizer close.
            if (scheduler != null) {
                scheduler.close();
            }
            engine.close();
            words.close();
            throw e;
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private Generator cached(Generator next, String modelId) {
        if (!config.cache().enabled()) {
            return next;
        }
        CachingGenerator cached = new CachingGenerator(next, modelId, config.cache().maxSentences());
        metrics.watch(cached.cache());
        return cached;
    }
}
