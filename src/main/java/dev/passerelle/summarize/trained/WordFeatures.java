package dev.passerelle.summarize.trained;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features the digest's {@link WordModel} reads, one row per distinct word of an article (in
 * order of first use): whether the headline has it, how often and how widely the article uses it,
 * how early it first appears, and what kind of word it is. {@code tools/summarizer/features.py}
 * computes the same figures for training; {@code WordFeaturesParityTest} checks the two agree.
 */
public final class WordFeatures {

    /** Feature names, in column order (the training script's NAMES). */
    public static final List<String> NAMES = List.of("in_title", "has_title", "log_count", "unit_share",
            "inverse_first", "in_first", "relative_first", "log_count_first", "log_count_lead", "stop", "number",
            "log_length", "capitalised", "log_units");
    /** Units counted as the article's lead by {@code log_count_lead}. */
    private static final int LEAD = 3;

    /** An article's distinct words with their feature rows, and each unit's lower-cased words. */
    public record Table(List<String> words, float[][] features, List<List<String>> unitWords) {
    }

    private WordFeatures() {
    }

    /** The table of {@code units}; {@code title} may be empty. */
    public static Table of(List<String> units, String title) {
        int n = units.size();
        Map<String, Stats> stats = new LinkedHashMap<>();
        List<List<String>> unitWords = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> raw = Words.raw(units.get(i));
            List<String> lower = new ArrayList<>(raw.size());
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < raw.size(); j++) {
                String word = Words.lower(raw.get(j));
                lower.add(word);
                Stats s = stats.computeIfAbsent(word, w -> new Stats());
                s.record(i, j > 0 && Character.isUpperCase(raw.get(j).codePointAt(0)), seen.add(word));
            }
            unitWords.add(lower);
        }
        Set<String> titleWords = new HashSet<>(Words.of(title));
        List<String> words = new ArrayList<>(stats.keySet());
        float[][] rows = new float[words.size()][];
        for (int t = 0; t < rows.length; t++) {
            String w = words.get(t);
            Stats s = stats.get(w);
            rows[t] = row(flag(titleWords.contains(w)), flag(!titleWords.isEmpty()), Math.log(1 + s.count),
                    (double) s.units / n, 1.0 / (1 + s.first), flag(s.first == 0), (double) s.first / Math.max(1, n - 1),
                    Math.log(1 + s.inFirst), Math.log(1 + s.inLead), flag(Words.isStop(w)),
                    flag(isNumber(w)), Math.log(w.codePointCount(0, w.length())), (double) s.capitalised / s.count,
                    Math.log(n));
        }
        return new Table(List.copyOf(words), rows, unitWords);
    }

    /** How one word is used across the article. */
    private static final class Stats {
        int count;
        int units;
        int first = -1;
        int inFirst;
        int inLead;
        int capitalised;

        void record(int unit, boolean upper, boolean newInUnit) {
            count++;
            units += newInUnit ? 1 : 0;
            first = first < 0 ? unit : first;
            inFirst += unit == 0 ? 1 : 0;
            inLead += unit < LEAD ? 1 : 0;
            capitalised += upper ? 1 : 0;
        }
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(Character::isDigit);
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }

    private static float[] row(double... values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
