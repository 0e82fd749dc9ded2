package dev.passerelle.translate;

import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import dev.passerelle.text.TextNormalizer;
import dev.passerelle.tokenize.MarianTokenizer;
import java.util.ArrayList;
import java.util.List;

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
            for (Segment s : d.segments()) {
                sources.add(tokenizer.encode(normalizer.normalize(s.text())));
            }
        }
        List<Hypothesis> hyps = generator.generate(sources, options);
        List<TranslationResult> results = new ArrayList<>(docs.size());
        int next = 0;
        for (Document d : docs) {
            List<SentenceTranslation> sentences = new ArrayList<>(d.segments().size());
            for (Segment s : d.segments()) {
                Hypothesis h = hyps.get(next++);
                sentences.add(new SentenceTranslation(s.index(), s.paragraph(), s.span(), s.text(),
                        tokenizer.decode(h.tokens()), h.score(), h.finish(), h.cached()));
            }
            results.add(new TranslationResult(
                    d.assemble(sentences.stream().map(SentenceTranslation::translation).toList()), sentences));
        }
        return results;
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
