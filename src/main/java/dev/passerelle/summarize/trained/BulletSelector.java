package dev.passerelle.summarize.trained;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the set of units that makes the best digest of {@code k} bullets, given each unit's
 * predicted overlap with an abstract. Picking the {@code k} best units one by one measured worse
 * than reading the article's top (ROUGE-1 at 3 bullets, OrangeSum validation): it piles up long
 * units that repeat each other. So the choice maximises an estimate of the set's F1 instead, the
 * predicted overlap of each unit discounted by the share of its content words already chosen,
 * over the set's length plus an abstract's expected length, greedily, a unit at a time: each step
 * costs one pass over the candidates, so 20 bullets of 256 units take a few milliseconds.
 *
 * @param abstractWords the expected length of an abstract, in words (tuned by the training script)
 */
public record BulletSelector(double abstractWords) {

    /** A unit as the selector sees it. */
    public record Candidate(double overlap, int words, Set<String> contentWords) {
    }

    /** Indices of the chosen candidates, in article order; {@code first} forces the first unit in. */
    public List<Integer> select(List<Candidate> candidates, int k, boolean first) {
        int n = Math.min(k, candidates.size());
        List<Integer> chosen = new ArrayList<>(n);
        boolean[] taken = new boolean[candidates.size()];
        Set<String> seen = new HashSet<>();
        double overlap = 0;
        double words = 0;
        while (chosen.size() < n) {
            int best = -1;
            double bestGain = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates.size(); i++) {
                if (taken[i] || (first && chosen.isEmpty() && i > 0)) {
                    continue;
                }
                Candidate c = candidates.get(i);
                double gain = c.overlap() * novelty(c, seen);
                double value = (overlap + gain) / (words + c.words() + abstractWords);
                if (value > bestValue) {
                    best = i;
                    bestGain = gain;
                    bestValue = value;
                }
            }
            Candidate c = candidates.get(best);
            taken[best] = true;
            chosen.add(best);
            overlap += bestGain;
            words += c.words();
            seen.addAll(c.contentWords());
        }
        chosen.sort(Comparator.naturalOrder());
        return chosen;
    }

    /** The share of a candidate's content words that no chosen unit has yet (1 for a unit without any). */
    private static double novelty(Candidate c, Set<String> seen) {
        if (c.contentWords().isEmpty()) {
            return 1;
        }
        long novel = c.contentWords().stream().filter(w -> !seen.contains(w)).count();
        return (double) novel / c.contentWords().size();
    }
}
