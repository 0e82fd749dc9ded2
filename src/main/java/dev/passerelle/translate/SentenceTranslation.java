package dev.passerelle.translate;

import dev.passerelle.text.Segment;
import dev.passerelle.text.Span;

/**
 * The translation of one segment of the input.
 *
 * @param source where the segment sits in the input text
 * @param score mean log-probability of the generated tokens (0 is certain; below -1 is doubtful)
 * @param cached whether the translation came from the sentence cache
 */
public record SentenceTranslation(
        int index,
        int paragraph,
        Span source,
        String sourceText,
        String translation,
        double score,
        FinishReason finish,
        boolean cached) {

    /** {@code s} kept as it is, translation = source: English already, so the model never sees it. */
    public static SentenceTranslation passthrough(Segment s) {
        return new SentenceTranslation(s.index(), s.paragraph(), s.span(), s.text(), s.text(), 0.0,
                FinishReason.PASSTHROUGH, false);
    }
}
