package dev.passerelle.summarize;

import dev.passerelle.text.Span;

/**
 * One bullet of a digest: its text (English, or French for a French summary), the French source
 * it comes from, where that sits in the input, and its ranking score.
 */
public record Bullet(String text, String source, Span span, double score) {
}
