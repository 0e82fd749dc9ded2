package dev.passerelle.summarize;

/** How a digest picks its bullets ({@code passerelle.digest.ranking}). */
public enum Ranking {
    /** The model trained on OrangeSum (summarize.trained): the default, it measured best. */
    TRAINED,
    /** LexRank centrality with a lead prior and MMR ({@link Summarizer}): needs no trained file. */
    LEXRANK
}
