package dev.passerelle.summarize;

import java.util.List;
import java.util.function.Function;

/** Cosine of the translation model's mean-pooled encoder states: similarity in meaning, not just words. */
public final class EncoderSimilarity implements SentenceSimilarity {

    private final Function<List<String>, float[][]> embed;

    /** @param embed one vector per text (the translation model's encoder) */
    public EncoderSimilarity(Function<List<String>, float[][]> embed) {
        this.embed = embed;
    }

    @Override
    public double[][] matrix(List<String> texts) {
        float[][] vectors = embed.apply(texts);
        int n = texts.size();
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                sim[i][j] = sim[j][i] = Cosine.dense(vectors[i], vectors[j]);
            }
        }
        return sim;
    }
}
