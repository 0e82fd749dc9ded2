package dev.passerelle.summarize;

import dev.passerelle.translate.Translator;
import java.util.List;

/** Cosine of the translation model's mean-pooled encoder states: similarity in meaning, not just words. */
public final class EncoderSimilarity implements SentenceSimilarity {

    private final Translator translator;

    public EncoderSimilarity(Translator translator) {
        this.translator = translator;
    }

    @Override
    public double[][] matrix(List<String> texts) {
        float[][] vectors = translator.embed(texts);
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
