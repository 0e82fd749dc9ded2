package dev.passerelle.html;

import dev.passerelle.text.Span;

/** Finds the English words of a sentence's translation that translate some of its French words. */
public interface SpanAligner {

    /**
     * The range of {@code english} that translates {@code part} of {@code french}: never empty when
     * {@code english} has a word, and on word boundaries.
     *
     * @param alone the part's French words translated on their own, or null when they were not
     */
    Span align(String french, Span part, String english, String alone);

    /**
     * As {@link #align}, or null when nothing but the part's position in the sentence says where it
     * is (a word with no English counterpart, "est" in "est arrivé" / "arrived"): such a guess
     * gives way to the words another part was found on.
     */
    Span find(String french, Span part, String english, String alone);
}
