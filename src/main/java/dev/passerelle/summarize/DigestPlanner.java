package dev.passerelle.summarize;

import dev.passerelle.clean.BoilerplateFilter;
import dev.passerelle.clean.Verdict;
import dev.passerelle.text.Document;
import java.util.List;

/**
 * The French side of a digest, without the translation model: drops boilerplate from a segmented
 * article, groups quotes into units, ranks them and picks the bullets. Shared by the service,
 * {@code summarize-eval} and {@code digest-eval}, so the commands show exactly what the service does.
 */
public final class DigestPlanner {

    private final BoilerplateFilter filter = new BoilerplateFilter();
    private final SummarizerSettings settings;

    public DigestPlanner(SummarizerSettings settings) {
        this.settings = settings;
    }

    /** The units a digest chooses from: the content sentences of {@code doc}, quotes grouped. */
    public List<Unit> units(List<Verdict> verdicts) {
        return QuoteUnits.group(verdicts.stream().filter(Verdict::content).map(Verdict::segment).toList());
    }

    /**
     * Ranks {@code doc} with {@code ranker} and chooses {@code bullets} units (the default count when
     * null); {@code title} is the article's headline, empty when there is none.
     */
    public DigestPlan plan(Document doc, String title, Integer bullets, UnitRanker ranker) {
        List<Verdict> verdicts = filter.classify(doc);
        List<Unit> units = units(verdicts);
        int k = bullets != null ? bullets : settings.defaultBullets(units.size());
        return new DigestPlan(doc, verdicts, ranker.summarize(units, title, k));
    }
}
