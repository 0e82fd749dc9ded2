package dev.passerelle.cli;

import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.GenerationConfig;
import dev.passerelle.model.MarianConfig;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.model.Variant;
import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.MarianEngine;
import dev.passerelle.translate.Source;
import dev.passerelle.translate.Translator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench-engine --model DIR [--article FILE] [--tokens N] [--repeats N] [--variant V] [--decoder D]}:
 * times the engine alone on a model folder, every sentence generating exactly N tokens so that
 * figures compare like for like, and prints a Markdown table. A benchmark, not a test.
 */
@Command(name = EngineBenchmark.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Times the engine alone on a model folder and prints a Markdown table.")
public final class EngineBenchmark implements Callable<Integer> {

    public static final String NAME = "bench-engine";
    /** The service's default {@code passerelle.text.max-sentence-tokens}: the same segments as it sends. */
    private static final int MAX_SENTENCE_TOKENS = 200;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "The model folder.")
    Path model;
    @Option(names = "--article", paramLabel = "FILE", defaultValue = "docs/samples/seed-article.fr.txt",
            description = "French text whose sentences are translated (default: ${DEFAULT-VALUE}).")
    Path article;
    @Option(names = "--tokens", paramLabel = "N", defaultValue = "32",
            description = "New tokens every sentence generates, at most the model's max_length - 1 "
                    + "(default: ${DEFAULT-VALUE}).")
    int tokens;
    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Runs per scenario; the best counts (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--variant", paramLabel = "VARIANT", defaultValue = "fp32",
            description = "Which graphs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Variant variant;
    @Option(names = "--decoder", paramLabel = "LAYOUT", defaultValue = "auto",
            description = "Decoder layout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DecoderChoice decoder;
    @Option(names = "--dump-ids", paramLabel = "FILE",
            description = "Also write the token ids of the sentences, for the baselines outside Passerelle.")
    Path dumpIds;
    @Spec
    CommandSpec spec;

    /** One measured scenario. */
    record Row(String scenario, int sentences, int batch, int beams, long tokens, double seconds) {
        double tokensPerSecond() {
            return tokens / seconds;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (tokens < 1 || repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--tokens and --repeats must be at least 1");
        }
        return run(spec.commandLine().getOut());
    }

    private int run(PrintWriter out) throws IOException {
        long rssBefore = Rss.kilobytes();
        long loadStart = System.nanoTime();
        ModelFiles files = ModelFiles.locate(model, variant, decoder);
        int most = GenerationConfig.read(files.generationConfig(), MarianConfig.read(files.config())).maxLength() - 1;
        if (tokens > most) {
            // The engine stops every sentence at max_length - 1 new tokens: more would be reported but not run.
            throw new ParameterException(spec.commandLine(), "--tokens " + tokens + " is more than this model "
                    + "generates: at most " + most + " new tokens per sentence (its max_length is " + (most + 1) + ")");
        }
        // Batches as large as a scenario asks for: the article goes through in one batch.
        try (Translator translator = Translator.open(files, OnnxOptions.DEFAULT, new BatchLimits(64, 1 << 20),
                MAX_SENTENCE_TOKENS)) {
            MarianEngine engine = translator.engine();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            List<int[]> sentences = translator.segment(Files.readString(article)).segments().stream()
                    .map(translator::encode).toList();
            if (dumpIds != null) {
                // The same inputs for the baselines outside Passerelle.
                new com.fasterxml.jackson.databind.ObjectMapper().writeValue(dumpIds.toFile(), java.util.Map.of(
                        "sentences", sentences, "pad", engine.generation().padTokenId(), "tokens", tokens,
                        "layers", engine.config().decoderLayers()));
            }
            DecodeOptions greedy = new DecodeOptions(1, false, 2.0, 10, tokens);
            List<Row> rows = new ArrayList<>();
            engine.generate(Source.of(sentences.subList(0, 2)), greedy); // warm-up: first runs allocate
            long rssLoaded = Rss.kilobytes();
            int single = Math.min(5, sentences.size());
            for (int beams : new int[] {1, 4}) {
                rows.add(time("one sentence at a time", sentences.subList(0, single), 1, beams, engine,
                        greedy.withBeams(beams), repeats));
            }
            for (int beams : new int[] {1, 4}) {
                rows.add(time("the article, batched", sentences, sentences.size(), beams, engine,
                        greedy.withBeams(beams), repeats));
            }
            // Glossary terms: the constrained search's cost beside plain beam 4 (same number of steps:
            // every sentence still generates exactly --tokens tokens).
            for (int terms = 1; terms <= 3; terms++) {
                List<Source> constrained = withTerms(sentences, terms);
                for (int beams : new int[] {1, 4}) {
                    rows.add(timeSources("the article, " + terms + " term(s) per sentence", constrained, constrained.size(),
                            beams, engine, greedy.withBeams(beams), repeats));
                }
            }
            out.printf(Locale.ROOT, "%s (%s, %s decoder): loaded in %.1f s; %d sentences, %d new tokens each%n%n",
                    model, files.variant().label(), files.layout().name().toLowerCase(Locale.ROOT), loadSeconds,
                    sentences.size(), tokens);
            out.println("| engine scenario | beams | batch | new tokens/s | ms per sentence |");
            out.println("|---|---|---|---|---|");
            for (Row r : rows) {
                out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f |%n", r.scenario(), r.beams(), r.batch(),
                        r.tokensPerSecond(), 1000 * r.seconds() / r.sentences());
            }
            out.printf(Locale.ROOT, "%nresident memory: %.0f MB before loading, %.0f MB loaded and warm, %.0f MB after%n",
                    rssBefore / 1024.0, rssLoaded / 1024.0, Rss.kilobytes() / 1024.0);
        }
        return 0;
    }

    /**
     * The sentences, each with {@code terms} constraints of two tokens taken from its own ids (the
     * vocabulary is shared): what a glossary of that many matches per sentence asks of the search.
     */
    static List<Source> withTerms(List<int[]> sentences, int terms) {
        List<Source> out = new ArrayList<>(sentences.size());
        for (int[] ids : sentences) {
            List<int[]> constraints = new ArrayList<>(terms);
            for (int t = 0; t < terms && 2 * t + 1 < ids.length - 1; t++) {
                constraints.add(new int[] {ids[2 * t], ids[2 * t + 1]});
            }
            out.add(new Source(ids, constraints));
        }
        return out;
    }

    private static Row timeSources(String scenario, List<Source> sentences, int batch, int beams, MarianEngine engine,
                                   DecodeOptions options, int repeats) {
        double best = Double.MAX_VALUE;
        long tokens = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            tokens = engine.generate(sentences, options).stream().mapToLong(h -> h.tokens().length + 1).sum();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return new Row(scenario, sentences.size(), batch, beams, tokens, best);
    }

    /** Best of {@code repeats} runs: the least disturbed by whatever else the machine does. */
    private static Row time(String scenario, List<int[]> sentences, int batch, int beams, MarianEngine engine,
                            DecodeOptions options, int repeats) {
        double best = Double.MAX_VALUE;
        long tokens = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            tokens = 0;
            for (int i = 0; i < sentences.size(); i += batch) {
                List<int[]> part = sentences.subList(i, Math.min(sentences.size(), i + batch));
                tokens += engine.generate(Source.of(part), options).stream().mapToLong(h -> h.tokens().length + 1).sum();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return new Row(scenario, sentences.size(), batch, beams, tokens, best);
    }
}
