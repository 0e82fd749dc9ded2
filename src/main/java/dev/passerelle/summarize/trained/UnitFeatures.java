package dev.passerelle.summarize.trained;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features the digest's ranking model reads, one row per unit of an article: where the unit
 * stands, how long it is, how central and how close to the headline it is, and the marks of
 * quotes, numbers, names and dates. {@code tools/summarizer/features.py} computes the same figures
 * for training; {@code UnitFeaturesParityTest} checks the two agree.
 */
public final class UnitFeatures {

    /** Feature names, in column order (the training script's FEATURES). */
    public static final List<String> NAMES = List.of("inverse_position", "first", "second", "third",
            "relative_position", "log_units", "log_words", "short", "long", "centrality", "spread", "title_recall",
            "title_precision", "has_title", "log_numbers", "capitalised", "has_quote", "starts_with_quote",
            "log_first_person", "question", "content_ratio", "log_dates");

    private static final Set<String> FIRST_PERSON = Set.of("je", "j", "nous", "me", "m", "mon", "ma", "mes", "notre",
            "nos", "vous");
    private static final Set<String> DATES = Set.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
            "dimanche", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre", "hier", "aujourd", "demain");

    private UnitFeatures() {
    }

    /** One row of {@link #NAMES}{@code .size()} features per unit; {@code title} may be empty. */
    public static float[][] of(List<String> units, String title) {
        int n = units.size();
        List<List<String>> words = units.stream().map(Words::of).toList();
        List<Map<String, Integer>> tf = words.stream().map(w -> counts(Words.content(w))).toList();
        Map<String, Integer> df = new HashMap<>();
        tf.forEach(t -> t.keySet().forEach(w -> df.merge(w, 1, Integer::sum)));
        double[] centrality = centrality(tf, df);
        Set<String> titleWords = new HashSet<>(Words.content(Words.of(title)));
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            String text = units.get(i).strip();
            List<String> w = words.get(i);
            Set<String> types = tf.get(i).keySet();
            double spread = types.isEmpty() ? 0 : types.stream().mapToDouble(df::get).sum() / ((double) types.size() * n);
            long shared = types.stream().filter(titleWords::contains).count();
            List<String> raw = Words.raw(text);
            long capitalised = 0;
            for (int k = 1; k < raw.size(); k++) {
                capitalised += Character.isUpperCase(raw.get(k).codePointAt(0)) ? 1 : 0;
            }
            long content = w.stream().filter(Words::isContent).count();
            rows[i] = row(1.0 / (1 + i), flag(i == 0), flag(i == 1), flag(i == 2), (double) i / Math.max(1, n - 1),
                    Math.log(n), Math.log(1 + w.size()), flag(w.size() < 8), flag(w.size() > 40), centrality[i], spread,
                    titleWords.isEmpty() ? 0 : (double) shared / titleWords.size(),
                    titleWords.isEmpty() || types.isEmpty() ? 0 : (double) shared / types.size(),
                    flag(!titleWords.isEmpty()), Math.log(1 + w.stream().filter(UnitFeatures::isNumber).count()),
                    (double) capitalised / Math.max(1, w.size()), flag(text.matches("(?s).*[«»“”\"].*")),
                    flag(!text.isEmpty() && "«“\"".indexOf(text.charAt(0)) >= 0),
                    Math.log(1 + w.stream().filter(FIRST_PERSON::contains).count()), flag(text.endsWith("?")),
                    (double) content / Math.max(1, w.size()), Math.log(1 + w.stream().filter(DATES::contains).count()));
        }
        return rows;
    }

    private static float[] row(double... values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> out = new HashMap<>();
        words.forEach(w -> out.merge(w, 1, Integer::sum));
        return out;
    }

    /**
     * Each unit's mean cosine similarity of content-word counts with the other units. Words become
     * dense ids and each unit a sparse vector in a word-major index, so the n &times; n products
     * cost one pass over the postings instead of n&sup2; map look-ups (256 units: a few ms).
     */
    private static double[] centrality(List<Map<String, Integer>> tf, Map<String, Integer> df) {
        int n = tf.size();
        Map<String, Integer> ids = new HashMap<>();
        df.keySet().forEach(w -> ids.put(w, ids.size()));
        int[][] postingUnits = new int[ids.size()][];
        int[][] postingCounts = new int[ids.size()][];
        int[] filled = new int[ids.size()];
        df.forEach((w, d) -> {
            postingUnits[ids.get(w)] = new int[d];
            postingCounts[ids.get(w)] = new int[d];
        });
        double[] norm = new double[n];
        for (int u = 0; u < n; u++) {
            for (Map.Entry<String, Integer> e : tf.get(u).entrySet()) {
                int id = ids.get(e.getKey());
                postingUnits[id][filled[id]] = u;
                postingCounts[id][filled[id]++] = e.getValue();
                norm[u] += (double) e.getValue() * e.getValue();
            }
            norm[u] = Math.sqrt(norm[u]);
        }
        double[] out = new double[n];
        double[] dots = new double[n];
        for (int i = 0; i < n; i++) {
            if (n < 2 || norm[i] == 0) {
                continue;
            }
            java.util.Arrays.fill(dots, 0);
            for (Map.Entry<String, Integer> e : tf.get(i).entrySet()) {
                int id = ids.get(e.getKey());
                for (int p = 0; p < postingUnits[id].length; p++) {
                    dots[postingUnits[id][p]] += e.getValue() * (double) postingCounts[id][p];
                }
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && norm[j] > 0) {
                    sum += dots[j] / (norm[i] * norm[j]);
                }
            }
            out[i] = sum / (n - 1);
        }
        return out;
    }
}
