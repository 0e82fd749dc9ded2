package dev.passerelle.service;

import dev.passerelle.glossary.Glossary;
import dev.passerelle.summarize.SegmentTranslator;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.SentenceTranslation;
import dev.passerelle.translate.Translator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The digest's view of translation for one request: bound to the model serving when the request
 * starts, so a reload midway never mixes two models in one digest, and to the request's caller, so
 * all of a digest's translations share one deadline and stop when the client leaves. Without a model, texts are still
 * segmented (into sentences: clause cuts need the model's tokenizer), so French summaries work
 * before the model is there, and translating says why it cannot.
 */
@ApplicationScoped
public class SegmentTranslators {

    private final ModelLifecycle model;
    private final DocumentSplitter sentencesOnly = DocumentSplitter.sentencesOnly();

    SegmentTranslators(ModelLifecycle model) {
        this.model = model;
    }

    /** The serving model's, or one that only segments when none is serving: for work that may do without. */
    public SegmentTranslator forRequest(Caller caller) {
        return model.serving().map(m -> of(m, caller)).orElseGet(NoModel::new);
    }

    /** Bound to {@code loaded}, the model a request already took, and to the request's caller. */
    public SegmentTranslator of(LoadedModel loaded, Caller caller) {
        return of(loaded, caller, Glossary.EMPTY);
    }

    /** As {@link #of(LoadedModel, Caller)}, translating under the request's {@code glossary}. */
    public SegmentTranslator of(LoadedModel loaded, Caller caller, Glossary glossary) {
        return new Serving(loaded.translator(), caller, glossary);
    }

    /**
     * For an English text: segments and vectors as {@code inner} makes them, and every segment kept
     * as it is rather than translated, so an English article's digest is made of its own sentences.
     */
    public static SegmentTranslator passingThrough(SegmentTranslator inner) {
        return new PassingThrough(inner);
    }

    /** Translation that keeps every segment as it is. */
    private record PassingThrough(SegmentTranslator inner) implements SegmentTranslator {
        @Override
        public Document segment(String text) {
            return inner.segment(text);
        }

        @Override
        public List<SentenceTranslation> translate(List<Segment> segments, DecodeOptions options) {
            return segments.stream().map(SentenceTranslation::passthrough).toList();
        }

        @Override
        public float[][] embed(List<String> texts) {
            return inner.embed(texts);
        }
    }

    /** Over one loaded model, for one caller. */
    private record Serving(Translator translator, Caller caller, Glossary glossary) implements SegmentTranslator {
        @Override
        public Document segment(String text) {
            return translator.segment(text);
        }

        @Override
        public List<SentenceTranslation> translate(List<Segment> segments, DecodeOptions options) {
            return translator.translateSegments(segments, options, caller, glossary);
        }

        @Override
        public float[][] embed(List<String> texts) {
            return translator.embed(texts);
        }
    }

    /** No model: sentences only; translating answers 503 with the model's status. */
    private final class NoModel implements SegmentTranslator {
        @Override
        public Document segment(String text) {
            return sentencesOnly.split(text);
        }

        @Override
        public List<SentenceTranslation> translate(List<Segment> segments, DecodeOptions options) {
            throw new ModelNotReadyException(model.status().message());
        }

        @Override
        public float[][] embed(List<String> texts) {
            throw new ModelNotReadyException(model.status().message());
        }
    }
}
