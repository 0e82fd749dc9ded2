package dev.passerelle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.evaluate.DigestEvaluation;
import dev.passerelle.evaluate.NewsArticle;
import dev.passerelle.evaluate.NewsCorpus;
import dev.passerelle.evaluate.RougeScores;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.summarize.DigestConfig;
import dev.passerelle.summarize.LexicalSimilarity;
import dev.passerelle.summarize.Summarizer;
import dev.passerelle.summarize.TrainedSummarizer;
import dev.passerelle.summarize.trained.WordFeatures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code digest-eval}: ROUGE of the digest's rankings against the abstracts of a news corpus
 * (OrangeSum's validation split by default), beside LEAD, as a Markdown table; {@code --dump}
 * writes instead the units and features the training script learns from.
 */
@Command(name = DigestEvalCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Scores the digest's bullets (French, as extracted) against the journalists' abstracts of a "
                + "news corpus with ROUGE-1/2/L F1, beside LEAD (the first sentences), at 1, 2 and 3 bullets.",
            "Needs no translation model: the ranking model ships in the application."})
public final class DigestEvalCommand implements Callable<Integer> {

    public static final String NAME = "digest-eval";

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "JSON lines with title, heading "
            + "and article, .xz or not (OrangeSum's valid.jsonl.xz).")
    Path data;
    @Option(names = "--limit", paramLabel = "N", description = "Only the first N articles (default: all).")
    int limit;
    @Option(names = "--abstract-words", paramLabel = "W",
            description = "The trained ranking's expected abstract length (default: passerelle.digest.abstract-words).")
    Double abstractWords;
    @Option(names = "--keep-lead", paramLabel = "BOOL", arity = "1",
            description = "Whether the trained ranking always keeps the first unit (default: passerelle.digest.keep-lead).")
    Boolean keepLead;
    @Option(names = "--dump", paramLabel = "FILE",
            description = "Write each article's units and features as JSON lines (for tools/summarizer) instead.")
    Path dump;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(data)) {
            throw new NoSuchFileException(data.toString());
        }
        List<NewsArticle> articles = NewsCorpus.read(data, limit);
        if (dump != null) {
            dump(articles, dump);
            out.printf(Locale.ROOT, "%d articles written to %s%n", articles.size(), dump);
            return 0;
        }
        DigestConfig config = EvaluateCommand.digestConfig();
        double words = abstractWords != null ? abstractWords : config.abstractWords();
        boolean lead = keepLead != null ? keepLead : config.keepsLead();
        try (TrainedSummarizer trained = TrainedSummarizer.load(OnnxOptions.DEFAULT, words, lead)) {
            List<DigestEvaluation.System> systems = List.of(
                    new DigestEvaluation.System("trained, headline given", trained, true),
                    new DigestEvaluation.System("trained, text only", trained, false),
                    new DigestEvaluation.System("LexRank", new Summarizer(new LexicalSimilarity(), config.settings()),
                            false));
            long start = System.nanoTime();
            Map<String, Map<Integer, RougeScores>> table = new DigestEvaluation().run(articles, systems);
            out.printf(Locale.ROOT, "%d articles of %s, abstract-words %s, keep-lead %s, %.1f s%n%n", articles.size(),
                    data, words, lead, (System.nanoTime() - start) / 1e9);
            print(out, table);
        }
        return 0;
    }

    /** The table, ROUGE in points (F1 &times; 100): a row per system, ROUGE-1/2/L per bullet count. */
    static void print(PrintWriter out, Map<String, Map<Integer, RougeScores>> table) {
        StringBuilder head = new StringBuilder("| summary |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int k : DigestEvaluation.BULLETS) {
            head.append(String.format(Locale.ROOT, " %d: R-1 | R-2 | R-L |", k));
            rule.append("---:|---:|---:|");
        }
        out.println(head);
        out.println(rule);
        table.forEach((name, byK) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (int k : DigestEvaluation.BULLETS) {
                RougeScores r = byK.get(k);
                row.append(String.format(Locale.ROOT, " %.2f | %.2f | %.2f |", 100 * r.rouge1(), 100 * r.rouge2(),
                        100 * r.rougeL()));
            }
            out.println(row);
        });
    }

    /** One JSON line per article: id, title, heading, units, and the article's words with their features, headline given. */
    private static void dump(List<NewsArticle> articles, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        DigestEvaluation evaluation = new DigestEvaluation();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (NewsArticle a : articles) {
                List<String> units = evaluation.units(a);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", a.id());
                line.put("title", a.title());
                line.put("heading", a.heading());
                line.put("units", units);
                WordFeatures.Table table = WordFeatures.of(units, a.title());
                line.put("words", table.words());
                line.put("features", table.features());
                w.write(json.writeValueAsString(line));
                w.newLine();
            }
        }
    }
}
