package dev.passerelle.glossary;

import dev.passerelle.text.Span;

/** A glossary entry found in a French sentence, at {@code span} of its text. */
public record TermMatch(GlossaryEntry entry, Span span) {
}
