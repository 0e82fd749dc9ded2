package dev.passerelle.summarize;

import java.util.List;

/** Pairwise similarity of texts, in [0, 1], symmetric, for ranking and redundancy. */
public interface SentenceSimilarity {

    double[][] matrix(List<String> texts);
}
