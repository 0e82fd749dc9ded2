package dev.passerelle.summarize;

import dev.passerelle.glossary.TermUse;
import java.util.List;

/**
 * A finished digest: bullets in article order, the same as a Markdown list, and, when asked
 * for, the translation of the whole article; the glossary terms of the sentences it translated.
 */
public record Digest(List<Bullet> bullets, String markdown, String translation, List<TermUse> terms) {

    public Digest {
        terms = List.copyOf(terms);
    }

    /** A digest that translated no glossary term. */
    public Digest(List<Bullet> bullets, String markdown, String translation) {
        this(bullets, markdown, translation, List.of());
    }
}
