package dev.passerelle.cli;

import dev.passerelle.evaluate.AlignmentEvaluation;
import dev.passerelle.html.HtmlTranslator;
import dev.passerelle.html.LexicalAligner;
import dev.passerelle.html.LexicalAligner.Clue;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.model.Variant;
import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.TranslationResult;
import dev.passerelle.translate.Translator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code align-eval}: how exactly each way of carrying markup places marked French parts in their
 * sentence's translation, on a gold set, as a Markdown table (the evidence for the aligner's default).
 */
@Command(name = AlignEvalCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Scores the HTML aligner's clues on a gold set of marked French parts and the English words "
                + "that translate them: exact placements and word F1, by kind of part.",
            "Needs no translation model: the gold set gives the translations."})
public final class AlignEvalCommand implements Callable<Integer> {

    public static final String NAME = "align-eval";

    /** A way of placing parts: the clues tried, in order, and whether the part's own translation is given. */
    public record Candidate(String name, List<Clue> clues, boolean alone) {
    }

    /** The candidates compared, the shipped default last. */
    public static final List<Candidate> CANDIDATES = List.of(
            new Candidate("position only", List.of(), false),
            new Candidate("verbatim", List.of(Clue.VERBATIM), false),
            new Candidate("verbatim, cognates", List.of(Clue.VERBATIM, Clue.COGNATE), false),
            new Candidate("part alone", List.of(Clue.ALONE), true),
            new Candidate("verbatim, cognates, part alone", List.of(Clue.VERBATIM, Clue.COGNATE, Clue.ALONE), true),
            new Candidate("verbatim, part alone, cognates (default)", LexicalAligner.DEFAULT, true));

    @Option(names = "--gold", paramLabel = "FILE", required = true,
            description = "Gold set as JSON lines (src/test/resources/html/alignment-gold.jsonl).")
    Path gold;
    @Option(names = "--model", paramLabel = "DIR",
            description = "Also score with each part translated alone by this model instead of the gold set's.")
    Path model;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(gold)) {
            throw new NoSuchFileException(gold.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<AlignmentEvaluation.Sentence> sentences = AlignmentEvaluation.read(gold);
        out.printf(Locale.ROOT, "%s; exact %% / word F1 %%%n%n", gold);
        table(out, sentences, "parts alone as the gold set translates them");
        if (model != null) {
            out.println();
            table(out, withModel(sentences), "parts alone as " + model + " translates them (doubtful ones not used)");
        }
        return 0;
    }

    /** The gold set with each part's translation alone made by the model (null where it was doubtful). */
    private List<AlignmentEvaluation.Sentence> withModel(List<AlignmentEvaluation.Sentence> sentences) {
        try (Translator translator = Translator.open(ModelFiles.locate(model, Variant.FP32, DecoderChoice.AUTO),
                OnnxOptions.DEFAULT, BatchLimits.DEFAULT, 200)) {
            List<String> texts = sentences.stream().flatMap(s -> s.parts().stream()
                    .map(p -> p.french().of(s.french()))).toList();
            List<TranslationResult> alone = translator.translate(texts, new DecodeOptions(4, true, 2.0, 10));
            List<AlignmentEvaluation.Sentence> out = new ArrayList<>();
            int next = 0;
            for (AlignmentEvaluation.Sentence s : sentences) {
                List<AlignmentEvaluation.Part> parts = new ArrayList<>();
                for (AlignmentEvaluation.Part p : s.parts()) {
                    TranslationResult r = alone.get(next++);
                    parts.add(new AlignmentEvaluation.Part(p.kind(), p.french(), p.english(),
                            HtmlTranslator.usable(r) ? r.translation() : null));
                }
                out.add(new AlignmentEvaluation.Sentence(s.id(), s.french(), s.english(), parts));
            }
            return out;
        }
    }

    private static void table(PrintWriter out, List<AlignmentEvaluation.Sentence> sentences, String title) {
        Map<String, AlignmentEvaluation.Score> first = null;
        for (Candidate c : CANDIDATES) {
            Map<String, AlignmentEvaluation.Score> scores =
                    AlignmentEvaluation.score(sentences, new LexicalAligner(c.clues()), c.alone());
            if (first == null) {
                first = scores;
                out.printf(Locale.ROOT, "%d sentences, %d marked parts, %s:%n%n", sentences.size(),
                        scores.get("all").parts(), title);
                StringBuilder head = new StringBuilder("| clues |");
                StringBuilder rule = new StringBuilder("|---|");
                scores.forEach((kind, s) -> {
                    head.append(' ').append(kind).append(" (").append(s.parts()).append(") |");
                    rule.append("---:|");
                });
                out.println(head);
                out.println(rule);
            }
            StringBuilder row = new StringBuilder("| " + c.name() + " |");
            scores.forEach((kind, s) -> row.append(String.format(Locale.ROOT, " %.1f / %.1f |", 100 * s.exact(), 100 * s.f1())));
            out.println(row);
        }
    }
}
