package dev.passerelle.evaluate;

import dev.passerelle.clean.BoilerplateFilter;
import dev.passerelle.summarize.DigestPlanner;
import dev.passerelle.summarize.SummarizerSettings;
import dev.passerelle.summarize.Unit;
import dev.passerelle.summarize.UnitRanker;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scores digests of French news against their journalists' abstracts with {@link Rouge}: each
 * system's bullets joined into one summary, beside LEAD-k (the article's first k sentences, cut by
 * the same sentence splitter), at 1, 2 and 3 bullets. Bullets stay French: the abstracts are French,
 * and translation would only add its own errors to the ranking's.
 */
public final class DigestEvaluation {

    /** Bullet counts the table reports. */
    public static final List<Integer> BULLETS = List.of(1, 2, 3);

    private final DocumentSplitter splitter = DocumentSplitter.sentencesOnly();
    private final BoilerplateFilter filter = new BoilerplateFilter();
    private final DigestPlanner planner = new DigestPlanner(SummarizerSettings.DEFAULT);

    /** A system under evaluation: a ranking, and whether it is given the headline. */
    public record System(String name, UnitRanker ranker, boolean withTitle) {
    }

    /** Mean scores per system and bullet count, LEAD first, in the order given. */
    public Map<String, Map<Integer, RougeScores>> run(List<NewsArticle> articles, List<System> systems) {
        Map<String, Map<Integer, RougeScores>> sums = new LinkedHashMap<>();
        for (NewsArticle a : articles) {
            Document doc = splitter.split(a.article());
            List<Unit> units = planner.units(filter.classify(doc));
            for (int k : BULLETS) {
                String lead = doc.segments().stream().limit(k).map(Segment::text).collect(Collectors.joining(" "));
                add(sums, "LEAD", k, Rouge.score(lead, a.heading()));
                for (System s : systems) {
                    List<Unit> chosen = s.ranker().summarize(units, s.withTitle() ? a.title() : "", k).chosen();
                    String summary = chosen.stream().map(Unit::text).collect(Collectors.joining(" "));
                    add(sums, s.name(), k, Rouge.score(summary, a.heading()));
                }
            }
        }
        Map<String, Map<Integer, RougeScores>> means = new LinkedHashMap<>();
        sums.forEach((name, byK) -> {
            Map<Integer, RougeScores> m = new LinkedHashMap<>();
            byK.forEach((k, sum) -> m.put(k, sum.over(articles.size())));
            means.put(name, m);
        });
        return means;
    }

    private static void add(Map<String, Map<Integer, RougeScores>> sums, String name, int k, RougeScores s) {
        sums.computeIfAbsent(name, x -> new LinkedHashMap<>()).merge(k, s, RougeScores::plus);
    }

    /** The units a digest of {@code a} chooses from, as the service cuts them (for the training script). */
    public List<String> units(NewsArticle a) {
        return planner.units(filter.classify(splitter.split(a.article()))).stream().map(Unit::text).toList();
    }
}
