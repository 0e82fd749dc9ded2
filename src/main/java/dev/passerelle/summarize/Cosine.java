package dev.passerelle.summarize;

import java.util.Map;

/** Cosine similarity of dense and sparse vectors, clipped to [0, 1]. */
final class Cosine {

    private Cosine() {
    }

    static double dense(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : Math.max(0, dot / Math.sqrt(na * nb));
    }

    /** Both vectors must already have unit length. */
    static double sparseUnit(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return Math.max(0, Math.min(1, dot));
    }
}
