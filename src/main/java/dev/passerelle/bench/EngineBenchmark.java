package dev.passerelle.bench;

import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.MarianEngine;
import dev.passerelle.translate.Translator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench-engine --model DIR [--article FILE] [--tokens N] [--repeats N] [--variant V] [--decoder D]}:
 * times the engine alone on a model folder, every sentence generating exactly N tokens so that
 * figures compare like for like, and prints a Markdown table. A benchmark, not a test.
 */
public final class EngineBenchmark {

    public static final String NAME = "bench-engine";
    /** The service's default {@code passerelle.text.max-sentence-tokens}: the same segments as it sends. */
    private static final int MAX_SENTENCE_TOKENS = 200;

    /** One measured scenario. */
    record Row(String scenario, int sentences, int batch, int beams, long tokens, double seconds) {
        double tokensPerSecond() {
            return tokens / seconds;
        }
    }

    private EngineBenchmark() {
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        Path model = null;
        Path article = Path.of("../shared/samples/seed-article.fr.txt");
        int tokens = 32;
        int repeats = 3;
        String variant = "fp32";
        String decoder = "auto";
        Path dumpIds = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--article" -> article = Path.of(args[i + 1]);
                case "--tokens" -> tokens = Integer.parseInt(args[i + 1]);
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--variant" -> variant = args[i + 1];
                case "--decoder" -> decoder = args[i + 1];
                case "--dump-ids" -> dumpIds = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (model == null) {
            out.println("usage: " + NAME + " --model DIR [--article FILE] [--tokens N] [--repeats N] "
                    + "[--variant fp32|quantized] [--decoder auto|split|merged] [--dump-ids FILE]");
            return 2;
        }
        long rssBefore = Rss.kilobytes();
        long loadStart = System.nanoTime();
        ModelFiles files = ModelFiles.locate(model, dev.passerelle.model.Variant.valueOf(variant.toUpperCase(Locale.ROOT)),
                dev.passerelle.model.DecoderChoice.valueOf(decoder.toUpperCase(Locale.ROOT)));
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
            engine.generate(sentences.subList(0, 2), greedy); // warm-up: first runs allocate
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
                tokens += engine.generate(part, options).stream().mapToLong(h -> h.tokens().length + 1).sum();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return new Row(scenario, sentences.size(), batch, beams, tokens, best);
    }
}
