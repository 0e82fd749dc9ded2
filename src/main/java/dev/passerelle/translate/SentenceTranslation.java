package dev.passerelle.translate;

import dev.passerelle.glossary.TermUse;
import dev.passerelle.text.Segment;
import dev.passerelle.text.Span;
import java.util.List;

/**
 * The translation of one segment of the input.
 *
 * @param source where the segment sits in the input text
 * @param score mean log-probability of the generated tokens (0 is certain; below -1 is doubtful)
 * @param cached whether the translation came from the sentence cache
 * @param terms the glossary terms found in the sentence and whether the translation has them
 */
public record SentenceTranslation(
        int index,
        int paragraph,
        Span source,
        String sourceText,
        String translation,
        double score,
        FinishReason finish,
        boolean cached,
        List<TermUse> terms) {

    public SentenceTranslation {
        terms = List.copyOf(terms);
    }

    /** A translation without glossary terms. */
    public SentenceTranslation(int index, int paragraph, Span source, String sourceText, String translation, double score,
                               FinishReason finish, boolean cached) {
        this(index, paragraph, source, sourceText, translation, score, finish, cached, List.of());
    }

    /** The same sentence numbered {@code index} in block or paragraph {@code paragraph}. */
    public SentenceTranslation renumbered(int index, int paragraph) {
        return new SentenceTranslation(index, paragraph, source, sourceText, translation, score, finish, cached, terms);
    }

    /** {@code s} kept as it is, translation = source: English already, so the model never sees it. */
    public static SentenceTranslation passthrough(Segment s) {
        return new SentenceTranslation(s.index(), s.paragraph(), s.span(), s.text(), s.text(), 0.0,
                FinishReason.PASSTHROUGH, false);
    }
}
