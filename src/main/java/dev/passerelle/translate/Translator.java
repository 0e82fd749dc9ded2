package dev.passerelle.translate;

import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import dev.passerelle.text.TextNormalizer;
import dev.passerelle.tokenize.MarianTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Text in, text out: splits each text into segments, translates every segment of every text in
 * one engine call (so they share batches), and puts the translations back together. Owns the
 * tokenizer and the engine: closing it frees their native resources.
 */
public final class Translator implements AutoCloseable {

    private final DocumentSplitter splitter;
    private final TextNormalizer normalizer;
    private final MarianTokenizer tokenizer;
    private final MarianEngine engine;
    private final Generator generator;

    /** A translator that runs the engine directly, one call per request. */
    public Translator(DocumentSplitter splitter, TextNormalizer normalizer, MarianTokenizer tokenizer,
                      MarianEngine engine) {
        this(splitter, normalizer, tokenizer, engine, engine);
    }

    /** A translator whose sentences go through {@code generator} (cache, shared batches) to the engine. */
    public Translator(DocumentSplitter splitter, TextNormalizer normalizer, MarianTokenizer tokenizer,
                      MarianEngine engine, Generator generator) {
        this.splitter = splitter;
        this.normalizer = normalizer;
        this.tokenizer = tokenizer;
        this.engine = engine;
        this.generator = generator;
    }

    /** Translates several texts; results in the same order. */
    public List<TranslationResult> translate(List<String> texts, DecodeOptions options) {
        List<Document> docs = texts.stream().map(splitter::split).toList();
        List<int[]> sources = new ArrayList<>();
        for (Document d : docs) {
            d.segments().forEach(s -> sources.add(encode(s)));
        }
        List<Hypothesis> hyps = generator.generate(sources, options);
        List<TranslationResult> results = new ArrayList<>(docs.size());
        int next = 0;
        for (Document d : docs) {
            List<SentenceTranslation> sentences = new ArrayList<>(d.segments().size());
            for (Segment s : d.segments()) {
                sentences.add(translated(s, hyps.get(next++)));
            }
            results.add(result(d, sentences));
        }
        return results;
    }

    /**
     * Translates one text {@code chunk} segments at a time, in document order, handing each
     * sentence to {@code sink} as soon as its chunk is done: for showing progress on long texts.
     */
    public TranslationResult translate(String text, DecodeOptions options, int chunk,
                                       Consumer<SentenceTranslation> sink) {
        Document d = splitter.split(text);
        List<SentenceTranslation> sentences = new ArrayList<>(d.segments().size());
        for (int start = 0; start < d.segments().size(); start += chunk) {
            List<Segment> part = d.segments().subList(start, Math.min(d.segments().size(), start + chunk));
            List<Hypothesis> hyps = generator.generate(part.stream().map(this::encode).toList(), options);
            for (int i = 0; i < part.size(); i++) {
                SentenceTranslation t = translated(part.get(i), hyps.get(i));
                sentences.add(t);
                sink.accept(t);
            }
        }
        return result(d, sentences);
    }

    private int[] encode(Segment s) {
        return tokenizer.encode(normalizer.normalize(s.text()));
    }

    private SentenceTranslation translated(Segment s, Hypothesis h) {
        return new SentenceTranslation(s.index(), s.paragraph(), s.span(), s.text(), tokenizer.decode(h.tokens()),
                h.score(), h.finish(), h.cached());
    }

    private static TranslationResult result(Document d, List<SentenceTranslation> sentences) {
        return new TranslationResult(d.assemble(sentences.stream().map(SentenceTranslation::translation).toList()),
                sentences);
    }

    /** Mean-pooled encoder vectors of texts, each encoded as one segment. */
    public float[][] embed(List<String> texts) {
        return engine.embed(texts.stream().map(t -> tokenizer.encode(normalizer.normalize(t))).toList(), 16);
    }

    /** Model tokens of a text, for sizing segments. */
    public int tokenCount(String text) {
        return tokenizer.encode(normalizer.normalize(text)).length;
    }

    public MarianEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        tokenizer.close();
    }
}
