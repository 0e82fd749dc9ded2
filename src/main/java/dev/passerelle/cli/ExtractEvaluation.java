package dev.passerelle.cli;

import dev.passerelle.clean.Extraction;
import dev.passerelle.clean.ExtractionQuality;
import dev.passerelle.clean.ExtractionQuality.PageScore;
import dev.passerelle.clean.ExtractionQuality.Report;
import dev.passerelle.clean.PageCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code extract-eval [--pages TAR.XZ] [--texts JSONL.XZ] [--method M,...] [--worst N]}: measures the
 * reader view's extraction on news pages whose article text is known (OrangeSum's pages and texts),
 * as word precision and recall, and lists the worst pages. Needs no model.
 */
@Command(name = ExtractEvaluation.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Measures how well pages are reduced to their article: word precision and recall of the "
                + "extracted title and paragraphs against the article's own title, heading and body.",
            "Words are lower-cased runs of Unicode letters and digits, compared as multisets (clipped counts)."})
public final class ExtractEvaluation implements Callable<Integer> {

    public static final String NAME = "extract-eval";

    @Option(names = "--pages", paramLabel = "TAR.XZ", required = true,
            description = "The pages: a .tar.xz of <id>.html (OrangeSum's valid-pages.tar.xz).")
    Path pages;
    @Option(names = "--texts", paramLabel = "JSONL.XZ", required = true,
            description = "Their texts: .jsonl.xz of {id, title, heading, article} (OrangeSum's valid.jsonl.xz).")
    Path texts;
    @Option(names = "--method", paramLabel = "M", split = ",", description = "Extractions to measure: reader (the "
            + "service's), blocks (no Readability), readability (Readability4J alone); default: reader.")
    List<String> methods = List.of("reader");
    @Option(names = "--worst", paramLabel = "N", description = "Worst pages to list, by precision and by recall "
            + "(default: ${DEFAULT-VALUE}).")
    int worst = 5;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (worst < 0) {
            throw new ParameterException(spec.commandLine(), "--worst must be 0 or more, got " + worst);
        }
        List<Extraction> chosen = new ArrayList<>();
        for (String m : methods) {
            chosen.add(Arrays.stream(Extraction.values()).filter(e -> e.label().equalsIgnoreCase(m.strip()))
                    .findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(), "--method: expected "
                            + "reader, blocks or readability, got '" + m + "'")));
        }
        for (Path p : List.of(pages, texts)) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString());
            }
        }
        List<PageCorpus.Page> corpus = PageCorpus.read(pages, texts);
        if (corpus.isEmpty()) {
            throw new IOException("no page of " + pages + " has a text in " + texts);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d pages of %s with their texts%n%n", corpus.size(), pages.getFileName());
        out.println("| method | precision | recall | macro precision | macro recall | extracted words | reference words | ms per page |");
        out.println("|---|---|---|---|---|---|---|---|");
        StringBuilder details = new StringBuilder();
        for (Extraction m : chosen) {
            long start = System.nanoTime();
            Report r = ExtractionQuality.measure(corpus, m);
            double ms = (System.nanoTime() - start) / 1e6 / corpus.size();
            out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %d | %d | %.1f |%n", m.label(),
                    r.total().precision(), r.total().recall(), r.macroPrecision(), r.macroRecall(),
                    r.total().extracted(), r.total().reference(), ms);
            if (worst > 0) {
                details.append(String.format(Locale.ROOT, "%n%s, lowest precision:%s%n%s, lowest recall:%s%n",
                        m.label(), list(r.worstPrecision(worst)), m.label(), list(r.worstRecall(worst))));
            }
        }
        out.print(details);
        out.flush();
        return 0;
    }

    private static String list(List<PageScore> pages) {
        StringBuilder s = new StringBuilder();
        for (PageScore p : pages) {
            s.append(String.format(Locale.ROOT, "%n  %-8s precision %.3f  recall %.3f", p.id(),
                    p.counts().precision(), p.counts().recall()));
        }
        return s.toString();
    }
}
