package dev.passerelle.evaluate;

import dev.passerelle.summarize.trained.Words;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 of a summary against one reference, on {@link Words}: lower-cased
 * runs of letters and digits, accents kept (French words differ by them), no stemming, no stop
 * words removed. ROUGE-N clips each n-gram's count to the reference's; ROUGE-L is the longest
 * common subsequence of the whole summary and the whole reference.
 */
public final class Rouge {

    private Rouge() {
    }

    /** The three F1 scores, between 0 and 1. */
    public static RougeScores score(String summary, String reference) {
        List<String> s = Words.of(summary);
        List<String> r = Words.of(reference);
        return new RougeScores(ngramF1(s, r, 1), ngramF1(s, r, 2), f1(lcs(s, r), s.size(), r.size()));
    }

    static double ngramF1(List<String> summary, List<String> reference, int n) {
        Map<List<String>, Integer> ref = ngrams(reference, n);
        Map<List<String>, Integer> sum = ngrams(summary, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> e : sum.entrySet()) {
            overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
        }
        return f1(overlap, Math.max(0, summary.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    private static Map<List<String>, Integer> ngrams(List<String> words, int n) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            out.merge(words.subList(i, i + n), 1, Integer::sum);
        }
        return out;
    }

    /** Length of the longest common subsequence, in two rows of memory. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 0; j < b.size(); j++) {
                current[j + 1] = x.equals(b.get(j)) ? previous[j] + 1 : Math.max(previous[j + 1], current[j]);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.size()];
    }

    private static double f1(int overlap, int summaryCount, int referenceCount) {
        if (overlap == 0 || summaryCount == 0 || referenceCount == 0) {
            return 0;
        }
        double p = (double) overlap / summaryCount;
        double r = (double) overlap / referenceCount;
        return 2 * p * r / (p + r);
    }
}
