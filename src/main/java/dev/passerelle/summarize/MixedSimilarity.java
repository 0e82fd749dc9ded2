package dev.passerelle.summarize;

import java.util.List;

/** A weighted mean of two similarities: {@code weight} of the second, the rest of the first. */
public final class MixedSimilarity implements SentenceSimilarity {

    private final SentenceSimilarity first;
    private final SentenceSimilarity second;
    private final double weight;

    public MixedSimilarity(SentenceSimilarity first, SentenceSimilarity second, double weight) {
        this.first = first;
        this.second = second;
        this.weight = weight;
    }

    @Override
    public double[][] matrix(List<String> texts) {
        double[][] a = first.matrix(texts);
        double[][] b = second.matrix(texts);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                a[i][j] = (1 - weight) * a[i][j] + weight * b[i][j];
            }
        }
        return a;
    }
}
