package dev.passerelle.summarize;

import java.util.List;

/**
 * A finished digest: bullets in article order, the same as a Markdown list, and, when asked
 * for, the translation of the whole article.
 */
public record Digest(List<Bullet> bullets, String markdown, String translation) {
}
