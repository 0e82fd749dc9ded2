package dev.passerelle.text;

import java.util.List;

/** Finds sentence boundaries in one paragraph. */
public interface SentenceSplitter {

    /** Sentence spans within {@code paragraph}, trimmed of surrounding whitespace. */
    List<Span> split(String paragraph);
}
