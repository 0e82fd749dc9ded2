package dev.passerelle.text;

/**
 * One unit sent to the model: a sentence, or a clause of a sentence too long for the model.
 *
 * @param index position in the document
 * @param paragraph index of the paragraph it belongs to
 * @param span where it sits in the input text
 * @param text the input text of the span, unchanged
 */
public record Segment(int index, int paragraph, Span span, String text) {
}
