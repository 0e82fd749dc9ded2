package dev.passerelle.summarize;

import dev.passerelle.model.OnnxOptions;
import dev.passerelle.summarize.trained.BulletSelector;
import dev.passerelle.summarize.trained.WordFeatures;
import dev.passerelle.summarize.trained.WordModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default digest ranking: the {@link WordModel}'s probabilities that an abstract of the article
 * uses each of its words (from {@link WordFeatures}), and the {@link BulletSelector}'s set of units
 * with the best expected ROUGE-1 against such an abstract. Like LexRank it looks at no more than
 * the article's first {@link #MAX_UNITS} units, so its work stays bounded past the segmentation.
 */
public final class TrainedSummarizer implements UnitRanker, AutoCloseable {

    /** The most units ranked (the rest are listed but never chosen), as {@code Summarizer.MAX_GRAPH_UNITS}. */
    public static final int MAX_UNITS = 256;

    private final WordModel model;
    private final BulletSelector selector;
    private final boolean keepLead;

    public TrainedSummarizer(WordModel model, BulletSelector selector, boolean keepLead) {
        this.model = model;
        this.selector = selector;
        this.keepLead = keepLead;
    }

    /** Loads the shipped model; the summarizer owns it and frees it on {@link #close}. */
    public static TrainedSummarizer load(OnnxOptions options, double abstractWords, boolean keepLead) {
        return new TrainedSummarizer(WordModel.load(options), new BulletSelector(abstractWords), keepLead);
    }

    @Override
    public Summary summarize(List<Unit> units, String title, int k) {
        int n = Math.min(units.size(), MAX_UNITS);
        WordFeatures.Table table = WordFeatures.of(units.subList(0, n).stream().map(Unit::text).toList(),
                title == null ? "" : title);
        float[][] predicted = model.predict(table);
        Map<String, float[]> probabilities = new HashMap<>(predicted.length * 2);
        for (int t = 0; t < predicted.length; t++) {
            probabilities.put(table.words().get(t), predicted[t]);
        }
        List<BulletSelector.Candidate> candidates = table.unitWords().stream().map(BulletSelector.Candidate::of).toList();
        List<Integer> chosen = selector.select(candidates, probabilities, k, keepLead);
        boolean[] isChosen = new boolean[units.size()];
        chosen.forEach(i -> isChosen[i] = true);
        List<ScoredUnit> scored = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            // A unit's score is the ROUGE-1 F1 it would expect alone: twice its expected overlap over its length and the abstract's.
            double score = i < n ? 2 * BulletSelector.gain(candidates.get(i), probabilities)
                    / (candidates.get(i).words() + selector.abstractWords()) : 0;
            scored.add(new ScoredUnit(units.get(i), 0, 1 / Math.sqrt(1 + i), score, isChosen[i]));
        }
        return new Summary(scored, chosen.stream().map(units::get).toList());
    }

    /** Frees the model's native session. */
    @Override
    public void close() {
        model.close();
    }
}
