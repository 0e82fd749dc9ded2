package dev.passerelle.service;

import dev.passerelle.summarize.SegmentTranslator;
import dev.passerelle.text.ClauseSplitter;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.OpenNlpSentenceSplitter;
import dev.passerelle.text.Segment;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.SentenceTranslation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The digest's view of translation, over whichever model is serving. Without a model, texts are
 * still segmented (into sentences: clause cuts need the model's tokenizer), so French summaries
 * work before the model is there.
 */
@ApplicationScoped
public class ServingSegmentTranslator implements SegmentTranslator {

    private final ModelLifecycle model;
    private final DocumentSplitter sentencesOnly = new DocumentSplitter(new OpenNlpSentenceSplitter(), ClauseSplitter.none());

    ServingSegmentTranslator(ModelLifecycle model) {
        this.model = model;
    }

    @Override
    public Document segment(String text) {
        return model.serving().map(m -> m.translator().segment(text)).orElseGet(() -> sentencesOnly.split(text));
    }

    @Override
    public List<SentenceTranslation> translate(List<Segment> segments, DecodeOptions options) {
        return model.current().translator().translateSegments(segments, options);
    }

    @Override
    public float[][] embed(List<String> texts) {
        return model.current().translator().embed(texts);
    }
}
