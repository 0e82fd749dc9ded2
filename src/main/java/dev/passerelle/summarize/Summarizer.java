package dev.passerelle.summarize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Extractive summarizer: LexRank centrality over a sentence-similarity graph blended with a lead
 * prior, then maximal marginal relevance so that no two bullets say the same thing. Deterministic:
 * ties go to the earlier unit.
 */
public final class Summarizer {

    private final SentenceSimilarity similarity;
    private final SummarizerSettings settings;

    public Summarizer(SentenceSimilarity similarity, SummarizerSettings settings) {
        this.similarity = similarity;
        this.settings = settings;
    }

    public SummarizerSettings settings() {
        return settings;
    }

    /** Ranks {@code units} and picks {@code k} of them (fewer if the article is shorter). */
    public Summary summarize(List<Unit> units, int k) {
        int n = units.size();
        if (n == 0) {
            return new Summary(List.of(), List.of());
        }
        double[][] sim = similarity.matrix(units.stream().map(Unit::text).toList());
        double[] centrality = LexRank.centrality(sim);
        double max = 0;
        for (double c : centrality) {
            max = Math.max(max, c);
        }
        double[] score = new double[n];
        double[] lead = new double[n];
        double[] central = new double[n];
        for (int i = 0; i < n; i++) {
            central[i] = max == 0 ? 0 : centrality[i] / max;
            lead[i] = 1 / Math.sqrt(1 + i);
            score[i] = (1 - settings.leadWeight()) * central[i] + settings.leadWeight() * lead[i];
        }
        List<Integer> chosen = pick(sim, score, Math.min(k, n));
        List<ScoredUnit> scored = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            scored.add(new ScoredUnit(units.get(i), central[i], lead[i], score[i], chosen.contains(i)));
        }
        return new Summary(scored, chosen.stream().sorted().map(units::get).toList());
    }

    /** Maximal marginal relevance, starting from the lead when it must be kept. */
    private List<Integer> pick(double[][] sim, double[] score, int k) {
        List<Integer> chosen = new ArrayList<>();
        if (settings.keepLead() && k > 0) {
            chosen.add(0);
        }
        boolean allowRedundant = false;
        while (chosen.size() < k) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < score.length; i++) {
                if (chosen.contains(i)) {
                    continue;
                }
                double overlap = 0;
                for (int j : chosen) {
                    overlap = Math.max(overlap, sim[i][j]);
                }
                if (overlap > settings.redundancy() && !allowRedundant) {
                    continue;
                }
                double value = settings.diversity() * score[i] - (1 - settings.diversity()) * overlap;
                if (value > bestValue) {
                    best = i;
                    bestValue = value;
                }
            }
            if (best < 0) {
                if (allowRedundant) {
                    break;
                }
                // Every candidate repeats a chosen unit: better a near-repeat than too few bullets.
                allowRedundant = true;
                continue;
            }
            chosen.add(best);
        }
        chosen.sort(Comparator.naturalOrder());
        return chosen;
    }
}
