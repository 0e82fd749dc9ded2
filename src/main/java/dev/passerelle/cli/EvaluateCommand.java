package dev.passerelle.cli;

import dev.passerelle.summarize.DigestPlan;
import dev.passerelle.summarize.DigestPlanner;
import dev.passerelle.summarize.LexicalSimilarity;
import dev.passerelle.summarize.ScoredUnit;
import dev.passerelle.summarize.SummarizerSettings;
import dev.passerelle.summarize.Summary;
import dev.passerelle.clean.ArticleExtractor;
import dev.passerelle.clean.Verdict;
import dev.passerelle.text.ClauseSplitter;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.OpenNlpSentenceSplitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code summarize-eval FILE [--bullets N]}: for tuning, prints every sentence of a French article
 * (.txt, or .html reduced to its article) with its boilerplate verdict, its ranking figures
 * (lexical vectors, default settings) and whether the digest picks it. Needs no model.
 */
@Command(name = EvaluateCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Prints every sentence of a French article with its boilerplate verdict and ranking figures, "
                + "and marks those the digest picks.")
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

    private int run(PrintWriter out) throws IOException {
        String text = read(file);
        String name = file.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            text = ArticleExtractor.extract(text).body();
        }
        // Sentences only: without a model there is no tokenizer to size clauses (as the service without one).
        Document doc = new DocumentSplitter(new OpenNlpSentenceSplitter(), ClauseSplitter.none()).split(text);
        DigestPlan plan = new DigestPlanner(SummarizerSettings.DEFAULT).plan(doc, bullets, new LexicalSimilarity());
        List<Verdict> verdicts = plan.verdicts();
        Summary summary = plan.summary();
        int units = summary.units().size();
        int k = summary.chosen().size();
        Map<Integer, ScoredUnit> bySegment = new HashMap<>();
        for (ScoredUnit u : summary.units()) {
            u.unit().segments().forEach(s -> bySegment.put(s.index(), u));
        }
        out.printf(Locale.ROOT, "%d sentences, %d units, %d bullets%n", doc.segments().size(), units, k);
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
