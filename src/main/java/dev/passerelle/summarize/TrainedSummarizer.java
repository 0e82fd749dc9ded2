package dev.passerelle.summarize;

import dev.passerelle.model.OnnxOptions;
import dev.passerelle.summarize.trained.BulletSelector;
import dev.passerelle.summarize.trained.OverlapModel;
import dev.passerelle.summarize.trained.UnitFeatures;
import dev.passerelle.summarize.trained.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The default digest ranking: {@link UnitFeatures} of each unit, the {@link OverlapModel}'s
 * predicted overlap with an abstract, and the {@link BulletSelector}'s best set. Like LexRank it
 * looks at no more than the article's first {@link #MAX_UNITS} units, so its work stays linear in
 * the input past the segmentation (the features compare units pairwise).
 */
public final class TrainedSummarizer implements UnitRanker, AutoCloseable {

    /** The most units ranked (the rest are listed but never chosen), as {@code Summarizer.MAX_GRAPH_UNITS}. */
    public static final int MAX_UNITS = 256;
    /** Predictions are clamped to this floor: a unit predicted to share nothing is still a unit. */
    private static final double FLOOR = 0.01;

    private final OverlapModel model;
    private final BulletSelector selector;
    private final boolean keepLead;

    public TrainedSummarizer(OverlapModel model, BulletSelector selector, boolean keepLead) {
        this.model = model;
        this.selector = selector;
        this.keepLead = keepLead;
    }

    /** Loads the shipped ranking model; the summarizer owns it and frees it on {@link #close}. */
    public static TrainedSummarizer load(OnnxOptions options, double abstractWords, boolean keepLead) {
        return new TrainedSummarizer(OverlapModel.load(options), new BulletSelector(abstractWords), keepLead);
    }

    @Override
    public Summary summarize(List<Unit> units, String title, int k) {
        int n = Math.min(units.size(), MAX_UNITS);
        List<String> texts = units.subList(0, n).stream().map(Unit::text).toList();
        float[][] features = UnitFeatures.of(texts, title == null ? "" : title);
        float[] overlap = model.predict(features);
        List<BulletSelector.Candidate> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> words = Words.of(texts.get(i));
            candidates.add(new BulletSelector.Candidate(Math.max(FLOOR, overlap[i]), words.size(),
                    new HashSet<>(Words.content(words))));
        }
        List<Integer> chosen = selector.select(candidates, k, keepLead);
        boolean[] isChosen = new boolean[units.size()];
        chosen.forEach(i -> isChosen[i] = true);
        int centrality = UnitFeatures.NAMES.indexOf("centrality");
        List<ScoredUnit> scored = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            boolean ranked = i < n;
            scored.add(new ScoredUnit(units.get(i), ranked ? features[i][centrality] : 0, 1 / Math.sqrt(1 + i),
                    ranked ? overlap[i] : 0, isChosen[i]));
        }
        return new Summary(scored, chosen.stream().map(units::get).toList());
    }

    /** Frees the model's native session. */
    @Override
    public void close() {
        model.close();
    }
}
