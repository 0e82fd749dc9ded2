package dev.passerelle.cli;

import dev.passerelle.summarize.DigestConfig;
import dev.passerelle.summarize.DigestPlan;
import dev.passerelle.summarize.DigestPlanner;
import dev.passerelle.summarize.LexicalSimilarity;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.summarize.Ranking;
import dev.passerelle.summarize.ScoredUnit;
import dev.passerelle.summarize.TrainedSummarizer;
import dev.passerelle.summarize.Summarizer;
import dev.passerelle.summarize.SummarizerSettings;
import dev.passerelle.summarize.Summary;
import dev.passerelle.summarize.Vectors;
import dev.passerelle.clean.ArticleExtractor;
import dev.passerelle.clean.Verdict;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code summarize-eval FILE [--bullets N]}: for tuning, prints every sentence of a French article
 * (.txt, or .html reduced to its article) with its boilerplate verdict, its ranking figures
 * and whether the digest picks it, with the service's {@code passerelle.digest.*} settings (read as
 * the service reads them): the trained ranking by default, LexRank always with lexical vectors, since
 * it loads no translation model.
 */
@Command(name = EvaluateCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Prints every sentence of a French article with its boilerplate verdict and ranking figures, "
                + "and marks those the digest picks.",
            "Ranks as the service does, with its passerelle.digest.* settings (system properties given "
                + "before -jar, PASSERELLE_DIGEST_* environment variables); LexRank always with lexical vectors."})
public final class EvaluateCommand implements Callable<Integer> {

    public static final String NAME = "summarize-eval";
    /** The most bullets a digest request may ask for (api.RequestRules.MAX_BULLETS). */
    static final int MAX_BULLETS = 20;

    @Parameters(paramLabel = "FILE", description = "The article: .txt, or .html reduced to its article.")
    Path file;
    @Option(names = "--bullets", paramLabel = "N",
            description = "Bullets to pick, 1 to " + MAX_BULLETS + " (default: as the service picks).")
    Integer bullets;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (bullets != null && (bullets < 1 || bullets > MAX_BULLETS)) {
            throw new ParameterException(spec.commandLine(), "--bullets must be between 1 and " + MAX_BULLETS
                    + " (as the service allows), got " + bullets);
        }
        return run(spec.commandLine().getOut());
    }

    /**
     * The {@code passerelle.digest.*} settings as the service reads them (system properties,
     * {@code PASSERELLE_DIGEST_*} environment variables, application.properties; profile
     * {@code quarkus.profile}, else prod), without starting Quarkus.
     */
    static DigestConfig digestConfig() {
        String profile = System.getProperty("quarkus.profile",
                Objects.requireNonNullElse(System.getenv("QUARKUS_PROFILE"), "prod"));
        try {
            return new SmallRyeConfigBuilder().addDefaultSources().withProfile(profile).withMapping(DigestConfig.class)
                    .build().getConfigMapping(DigestConfig.class);
        } catch (ConfigValidationException e) {
            // One line; the service would refuse to start with these settings too.
            String problems = IntStream.range(0, e.getProblemCount())
                    .mapToObj(i -> e.getProblem(i).getMessage().replaceFirst("^java\\.lang\\.\\w+: ", ""))
                    .collect(Collectors.joining("; "));
            throw new IllegalArgumentException("bad passerelle.digest setting: " + problems);
        }
    }

    private int run(PrintWriter out) throws IOException {
        DigestConfig config = digestConfig();
        SummarizerSettings settings = config.settings();
        String text = read(file);
        String name = file.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            text = ArticleExtractor.extract(text).body();
        }
        // Sentences only: without a model there is no tokenizer to size clauses (as the service without one).
        Document doc = DocumentSplitter.sentencesOnly().split(text);
        if (config.ranking() == Ranking.LEXRANK) {
            return print(out, doc, new DigestPlanner(settings).plan(doc, "", bullets,
                    new Summarizer(new LexicalSimilarity(), settings)), describe(settings, config.vectors()));
        }
        try (TrainedSummarizer trained = TrainedSummarizer.load(OnnxOptions.DEFAULT, config.abstractWords(),
                config.keepsLead())) {
            return print(out, doc, new DigestPlanner(settings).plan(doc, "", bullets, trained),
                    "trained ranking, abstract-words " + config.abstractWords() + ", keep-lead " + config.keepsLead()
                    + ", bullets-ratio " + settings.bulletsRatio() + ", min-bullets " + settings.minBullets()
                    + ", max-bullets " + settings.maxBullets());
        }
    }

    /** Every sentence with its verdict and figures (for the trained ranking: centrality feature, position, predicted overlap). */
    private static int print(PrintWriter out, Document doc, DigestPlan plan, String settings) {
        List<Verdict> verdicts = plan.verdicts();
        Summary summary = plan.summary();
        int units = summary.units().size();
        int k = summary.chosen().size();
        Map<Integer, ScoredUnit> bySegment = new HashMap<>();
        for (ScoredUnit u : summary.units()) {
            u.unit().segments().forEach(s -> bySegment.put(s.index(), u));
        }
        out.printf(Locale.ROOT, "%d sentences, %d units, %d bullets (%s)%n", doc.segments().size(), units, k, settings);
        out.println("pick  unit  central  lead   score  sentence");
        for (Verdict v : verdicts) {
            String sentence = v.segment().text();
            sentence = sentence.length() > 90 ? sentence.substring(0, 87) + "..." : sentence;
            ScoredUnit u = bySegment.get(v.segment().index());
            if (u == null) {
                out.printf(Locale.ROOT, "  -   %-27s %s%n", v.boilerplate().name().toLowerCase(Locale.ROOT), sentence);
            } else {
                out.printf(Locale.ROOT, "%s  %4d  %7.3f  %5.3f  %6.3f  %s%n", u.chosen() ? " *  " : "    ",
                        u.unit().index(), u.centrality(), u.lead(), u.score(), sentence);
            }
        }
        return 0;
    }

    /** LexRank's settings in the header, as {@code passerelle.digest.*} names them. */
    static String describe(SummarizerSettings s, Vectors configured) {
        String vectors = "lexical vectors";
        if (configured != Vectors.LEXICAL) {
            vectors += ": passerelle.digest.vectors is " + configured.name().toLowerCase(Locale.ROOT)
                    + ", but this command loads no model";
        }
        return "LexRank, lead-weight " + s.leadWeight() + ", keep-lead " + s.keepLead() + ", diversity " + s.diversity()
                + ", redundancy " + s.redundancy() + ", bullets-ratio " + s.bulletsRatio() + ", min-bullets "
                + s.minBullets() + ", max-bullets " + s.maxBullets() + ", " + vectors;
    }

    /** The article as text; a missing file, a folder or another encoding in one line. */
    private static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("not a file: " + file);
        }
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text");
        }
    }
}
