package dev.passerelle.translate;

import dev.passerelle.glossary.Glossary;
import dev.passerelle.glossary.GlossaryMatcher;
import dev.passerelle.glossary.TermUse;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.text.ClauseSplitter;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.OpenNlpSentenceSplitter;
import dev.passerelle.text.Segment;
import dev.passerelle.text.TextNormalizer;
import dev.passerelle.tokenize.MarianTokenizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The translation pipeline of one loaded model: segments a text once ({@link #segment}), and
 * translates the segments of any number of documents in one generator call (so they share
 * batches), putting the translations back together. Owns the tokenizer and the engine: closing it
 * frees their native resources. The one way to build a pipeline is {@link #open}, for the service,
 * the commands and the tests alike (or {@link #over} for a loaded engine).
 */
public final class Translator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Translator.class);
    /** How long a close waits for request threads still segmenting, encoding or embedding. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final DocumentSplitter splitter;
    private final TextNormalizer normalizer;
    private final MarianTokenizer tokenizer;
    private final MarianEngine engine;
    private final Generator generator;
    private final Predicate<String> keepAsIs;
    private final NativeUse natives = new NativeUse();
    private final GlossaryMatcher matcher = new GlossaryMatcher();

    private Translator(DocumentSplitter splitter, TextNormalizer normalizer, MarianTokenizer tokenizer,
                       MarianEngine engine, Generator generator, Predicate<String> keepAsIs) {
        this.splitter = splitter;
        this.normalizer = normalizer;
        this.tokenizer = tokenizer;
        this.engine = engine;
        this.generator = generator;
        this.keepAsIs = keepAsIs;
    }

    /**
     * Loads the model of {@code files} and builds its pipeline, running the engine directly.
     *
     * @param maxSentenceTokens sentences longer than this are cut at clause boundaries
     */
    public static Translator open(ModelFiles files, OnnxOptions onnx, BatchLimits limits, int maxSentenceTokens) {
        MarianEngine engine = MarianEngine.load(files, onnx, limits);
        return over(engine, maxSentenceTokens, engine);
    }

    /**
     * The pipeline of a loaded engine, whose sentences go through {@code generator} (the engine
     * itself, or the engine behind shared batches and the cache). Takes ownership of the engine.
     */
    public static Translator over(MarianEngine engine, int maxSentenceTokens, Generator generator) {
        return over(engine, maxSentenceTokens, generator, text -> false);
    }

    /**
     * As {@link #over(MarianEngine, int, Generator)}, keeping the segments {@code keepAsIs} accepts
     * (English ones, for the service) as they are instead of generating their translation.
     */
    public static Translator over(MarianEngine engine, int maxSentenceTokens, Generator generator,
                                  Predicate<String> keepAsIs) {
        MarianTokenizer tokenizer;
        try {
            tokenizer = MarianTokenizer.load(engine.files().sourceSpm(), engine.files().targetSpm(), engine.files().vocab());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return over(engine, tokenizer, maxSentenceTokens, generator, keepAsIs);
    }

    /** As above, with the engine's tokenizer already loaded; takes ownership of both. */
    public static Translator over(MarianEngine engine, MarianTokenizer tokenizer, int maxSentenceTokens,
                                  Generator generator, Predicate<String> keepAsIs) {
        TextNormalizer normalizer = new TextNormalizer();
        ClauseSplitter clauses = new ClauseSplitter(s -> tokenizer.encode(normalizer.normalize(s)).length,
                maxSentenceTokens);
        DocumentSplitter splitter = new DocumentSplitter(new OpenNlpSentenceSplitter(), clauses);
        return new Translator(splitter, normalizer, tokenizer, engine, generator, keepAsIs);
    }

    /** The text cut into what the model translates: paragraphs, sentences, over-long sentences at clauses. */
    public Document segment(String text) {
        return natives.use(() -> splitter.split(text));
    }

    /** Translates several texts for a caller without deadline (the commands, the warm-up); results in order. */
    public List<TranslationResult> translate(List<String> texts, DecodeOptions options) {
        return translate(texts, options, Caller.UNBOUNDED);
    }

    /** Translates several texts for {@code caller}; results in the same order. */
    public List<TranslationResult> translate(List<String> texts, DecodeOptions options, Caller caller) {
        return translate(texts, options, caller, Glossary.EMPTY);
    }

    /** Translates several texts for {@code caller} under {@code glossary}; results in the same order. */
    public List<TranslationResult> translate(List<String> texts, DecodeOptions options, Caller caller, Glossary glossary) {
        return translateDocuments(texts.stream().map(this::segment).toList(), options, caller, glossary);
    }

    /** Translates several segmented documents in one generator call; results in the same order. */
    public List<TranslationResult> translateDocuments(List<Document> docs, DecodeOptions options, Caller caller) {
        return translateDocuments(docs, options, caller, Glossary.EMPTY);
    }

    /** As {@link #translateDocuments(List, DecodeOptions, Caller)}, under {@code glossary}. */
    public List<TranslationResult> translateDocuments(List<Document> docs, DecodeOptions options, Caller caller,
                                                      Glossary glossary) {
        List<Segment> all = new ArrayList<>();
        docs.forEach(d -> all.addAll(d.segments()));
        List<SentenceTranslation> sentences = translateSegments(all, options, caller, glossary);
        List<TranslationResult> results = new ArrayList<>(docs.size());
        int next = 0;
        for (Document d : docs) {
            List<SentenceTranslation> own = sentences.subList(next, next + d.segments().size());
            next += own.size();
            results.add(result(d, List.copyOf(own)));
        }
        return results;
    }

    /** Translates some segments (of one document or several); one translation per segment, in order. */
    public List<SentenceTranslation> translateSegments(List<Segment> segments, DecodeOptions options, Caller caller) {
        return translateSegments(segments, options, caller, Glossary.EMPTY);
    }

    /**
     * Translates some segments under {@code glossary}: each term found in a sentence must appear in
     * its translation (constrained search), and each translation says which did. Segments kept as
     * they are never reach the generator: no model work, no cache entry.
     */
    public List<SentenceTranslation> translateSegments(List<Segment> segments, DecodeOptions options, Caller caller,
                                                       Glossary glossary) {
        return natives.use(() -> {
            boolean[] kept = new boolean[segments.size()];
            List<Source> toModel = new ArrayList<>(segments.size());
            List<Terms> terms = new ArrayList<>(segments.size());
            GlossaryMatcher.Index index = glossary.isEmpty() ? null : matcher.index(glossary);
            for (int i = 0; i < segments.size(); i++) {
                kept[i] = keepAsIs.test(segments.get(i).text());
                if (!kept[i]) {
                    int[] ids = encode(segments.get(i));
                    Terms t = Terms.find(segments.get(i).text(), index, tokenizer,
                            options.lengthCap(ids.length, engine.generation().maxLength()));
                    terms.add(t);
                    toModel.add(new Source(ids, t.constraints()));
                }
            }
            List<Hypothesis> hyps = toModel.isEmpty() ? List.of() : generator.generate(toModel, options, caller);
            List<SentenceTranslation> out = new ArrayList<>(segments.size());
            for (int i = 0, next = 0; i < segments.size(); i++) {
                if (kept[i]) {
                    out.add(SentenceTranslation.passthrough(segments.get(i)));
                } else {
                    Hypothesis h = hyps.get(next);
                    out.add(translated(segments.get(i), h, terms.get(next++).uses(h.tokens())));
                }
            }
            return out;
        });
    }

    /**
     * Translates a document {@code chunk} segments at a time, in order, handing each sentence to
     * {@code sink} as soon as its chunk is done: for showing progress on long texts. Every chunk
     * counts against the one deadline of {@code caller}.
     */
    public TranslationResult translate(Document d, DecodeOptions options, int chunk, Caller caller,
                                       Consumer<SentenceTranslation> sink) {
        return translate(d, options, chunk, caller, sink, Glossary.EMPTY);
    }

    /** As {@link #translate(Document, DecodeOptions, int, Caller, Consumer)}, under {@code glossary}. */
    public TranslationResult translate(Document d, DecodeOptions options, int chunk, Caller caller,
                                       Consumer<SentenceTranslation> sink, Glossary glossary) {
        List<SentenceTranslation> sentences = new ArrayList<>(d.segments().size());
        for (int start = 0; start < d.segments().size(); start += chunk) {
            List<Segment> part = d.segments().subList(start, Math.min(d.segments().size(), start + chunk));
            for (SentenceTranslation t : translateSegments(part, options, caller, glossary)) {
                sentences.add(t);
                sink.accept(t);
            }
        }
        return result(d, sentences);
    }

    /** The model's token ids for a segment, end token included. */
    public int[] encode(Segment s) {
        return natives.use(() -> tokenizer.encode(normalizer.normalize(s.text())));
    }

    private SentenceTranslation translated(Segment s, Hypothesis h, List<TermUse> terms) {
        return new SentenceTranslation(s.index(), s.paragraph(), s.span(), s.text(), tokenizer.decode(h.tokens()),
                h.score(), h.finish(), h.cached(), terms);
    }

    private static TranslationResult result(Document d, List<SentenceTranslation> sentences) {
        return new TranslationResult(d.assemble(sentences.stream().map(SentenceTranslation::translation).toList()),
                sentences);
    }

    /** Mean-pooled encoder vectors of texts, each encoded as one segment. */
    public float[][] embed(List<String> texts) {
        return natives.use(() -> engine.embed(texts.stream().map(t -> tokenizer.encode(normalizer.normalize(t))).toList(),
                16));
    }

    public MarianEngine engine() {
        return engine;
    }

    /**
     * Frees the engine and the tokenizer once no request thread is inside them (waiting up to
     * {@link #CLOSE_WAIT}); later calls answer 503. A thread that stays inside leaves them open.
     */
    @Override
    public void close() {
        if (!natives.closeWhenUnused(CLOSE_WAIT, () -> {
            engine.close();
            tokenizer.close();
        })) {
            LOG.warnf("the model is still in use after %d s: its native resources stay open", CLOSE_WAIT.toSeconds());
        }
    }
}
