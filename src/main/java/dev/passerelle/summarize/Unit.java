package dev.passerelle.summarize;

import dev.passerelle.text.Segment;
import dev.passerelle.text.Span;
import java.util.List;

/**
 * What a bullet is made of: one sentence, or several when a quotation in guillemets runs over
 * sentence boundaries (a quote is never cut in half).
 *
 * @param index position among the article's units
 */
public record Unit(int index, List<Segment> segments, String text) {

    /** The unit's place in the input text. */
    public Span span() {
        return new Span(segments.get(0).span().start(), segments.get(segments.size() - 1).span().end());
    }
}
