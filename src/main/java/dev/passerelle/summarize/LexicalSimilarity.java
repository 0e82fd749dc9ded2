package dev.passerelle.summarize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * TF-IDF cosine over Lucene's French analysis (elision, lower case, French stop words, light
 * stemming), with document frequencies taken over the article's own sentences.
 */
public final class LexicalSimilarity implements SentenceSimilarity {

    private final Analyzer analyzer = new FrenchAnalyzer();

    /** Stemmed content terms of {@code text}. */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return terms;
    }

    @Override
    public double[][] matrix(List<String> texts) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (String t : texts) {
            Map<String, Integer> c = new HashMap<>();
            for (String term : terms(t)) {
                c.merge(term, 1, Integer::sum);
            }
            c.keySet().forEach(term -> df.merge(term, 1, Integer::sum));
            counts.add(c);
        }
        int n = texts.size();
        List<Map<String, Double>> vectors = new ArrayList<>(n);
        for (Map<String, Integer> c : counts) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (Map.Entry<String, Integer> e : c.entrySet()) {
                double w = (1 + Math.log(e.getValue())) * (Math.log((n + 1.0) / (df.get(e.getKey()) + 1.0)) + 1);
                v.put(e.getKey(), w);
                norm += w * w;
            }
            double len = Math.sqrt(norm);
            v.replaceAll((k, w) -> w / len);
            vectors.add(v);
        }
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            sim[i][i] = vectors.get(i).isEmpty() ? 0 : 1;
            for (int j = i + 1; j < n; j++) {
                sim[i][j] = sim[j][i] = Cosine.sparseUnit(vectors.get(i), vectors.get(j));
            }
        }
        return sim;
    }
}
