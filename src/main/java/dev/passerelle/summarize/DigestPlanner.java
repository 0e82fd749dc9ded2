package dev.passerelle.summarize;

import dev.passerelle.clean.BoilerplateFilter;
import dev.passerelle.clean.Verdict;
import dev.passerelle.text.Document;
import java.util.List;

/**
 * The French side of a digest, without any model: drops boilerplate from a segmented article,
 * groups quotes into units, ranks them and picks the bullets. Shared by the service and
 * {@code summarize-eval}, so the command shows exactly what the service does.
 */
public final class DigestPlanner {

    private final BoilerplateFilter filter = new BoilerplateFilter();
    private final SummarizerSettings settings;

    public DigestPlanner(SummarizerSettings settings) {
        this.settings = settings;
    }

    /** Ranks {@code doc} with {@code similarity} and chooses {@code bullets} units (the default count when null). */
    public DigestPlan plan(Document doc, Integer bullets, SentenceSimilarity similarity) {
        List<Verdict> verdicts = filter.classify(doc);
        List<Unit> units = QuoteUnits.group(verdicts.stream().filter(Verdict::content).map(Verdict::segment).toList());
        int k = bullets != null ? bullets : settings.defaultBullets(units.size());
        return new DigestPlan(doc, verdicts, new Summarizer(similarity, settings).summarize(units, k));
    }
}
