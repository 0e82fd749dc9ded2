package dev.passerelle.translate;

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
}
