package dev.passerelle.summarize;

import dev.passerelle.text.Document;
import dev.passerelle.text.Segment;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.SentenceTranslation;
import java.util.List;

/**
 * What the digest needs from the translation side, and nothing more: the one segmentation of a
 * text, translations of some of its segments, and sentence vectors. The service implements it over
 * whichever model is loaded.
 */
public interface SegmentTranslator {

    /** The text cut as translation cuts it; with no model loaded, into sentences only. */
    Document segment(String text);

    /** One translation per segment, in order; fails when no model is loaded. */
    List<SentenceTranslation> translate(List<Segment> segments, DecodeOptions options);

    /** Mean-pooled encoder vectors of texts; fails when no model is loaded. */
    float[][] embed(List<String> texts);
}
