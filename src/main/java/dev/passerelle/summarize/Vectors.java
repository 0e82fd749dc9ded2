package dev.passerelle.summarize;

/** Where the sentence vectors for ranking come from. */
public enum Vectors {
    /** Lucene French analysis, TF-IDF weights. */
    LEXICAL,
    /** The translation model's encoder states, mean-pooled. */
    ENCODER,
    /** Both, weighted by {@code passerelle.digest.encoder-weight}. */
    MIXED
}
