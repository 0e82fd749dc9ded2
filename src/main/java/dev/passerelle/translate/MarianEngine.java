package dev.passerelle.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.passerelle.model.DecoderLayout;
import dev.passerelle.model.GenerationConfig;
import dev.passerelle.model.GraphLoader;
import dev.passerelle.model.MarianConfig;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxGraph;
import dev.passerelle.model.OnnxOptions;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * MarianMT generation on ONNX Runtime through DJL: the encoder runs once per batch, the decoder
 * runs step by step on the KV cache. Sentences are sorted by length and batched so padding stays
 * small; each result comes back in input order. Thread-safe: every call owns its tensors.
 */
public final class MarianEngine implements Generator, BatchGenerator, AutoCloseable {

    private final OnnxGraph encoder;
    private final OnnxGraph firstDecoder;
    private final OnnxGraph nextDecoder;
    private final MarianConfig config;
    private final GenerationConfig generation;
    private final ModelFiles files;
    private final OnnxGraph gather;
    private final TensorRows rowGather;
    private final OnnxGraph scoreGraph;
    private final OnnxGraph scoreWanted;
    private final StepScorer scorer;
    private final BatchLimits limits;

    private MarianEngine(ModelFiles files, OnnxGraph encoder, OnnxGraph firstDecoder, OnnxGraph nextDecoder,
                         OnnxGraph gather, OnnxGraph scoreGraph, OnnxGraph scoreWanted, MarianConfig config,
                         GenerationConfig generation, BatchLimits limits) {
        this.files = files;
        this.limits = limits;
        this.gather = gather;
        this.rowGather = new TensorRows(gather);
        this.scoreGraph = scoreGraph;
        this.scoreWanted = scoreWanted;
        this.scorer = new StepScorer(scoreGraph, scoreWanted);
        this.encoder = encoder;
        this.firstDecoder = firstDecoder;
        this.nextDecoder = nextDecoder;
        this.config = config;
        this.generation = generation;
    }

    /** Loads the graphs of {@code files} and checks their inputs against the model config. */
    public static MarianEngine load(ModelFiles files, OnnxOptions options, BatchLimits limits) {
        MarianConfig config = MarianConfig.read(files.config());
        GenerationConfig generation = GenerationConfig.read(files.generationConfig(), config);
        GraphLoader loader = new GraphLoader(options);
        int encoderAt = loader.add(files.encoder());
        int firstAt = loader.add(files.decoder());
        int nextAt = files.layout() == DecoderLayout.MERGED ? firstAt : loader.add(files.decoderWithPast());
        int gatherAt = loader.addResource(MarianEngine.class, TensorRows.GRAPH);
        int scoreAt = loader.addResource(MarianEngine.class, StepScorer.GRAPH);
        int wantedAt = loader.addResource(MarianEngine.class, StepScorer.WANTED_GRAPH);
        List<OnnxGraph> opened = loader.openAll();
        try {
            OnnxGraph encoder = opened.get(encoderAt);
            encoder.requireInputs(List.of("input_ids", "attention_mask"));
            OnnxGraph first = opened.get(firstAt);
            OnnxGraph next = opened.get(nextAt);
            List<String> decoderInputs = List.of(OnnxDecoderRun.INPUT_IDS, OnnxDecoderRun.ENCODER_MASK);
            first.requireInputs(decoderInputs);
            next.requireInputs(decoderInputs);
            next.requireInputs(List.of("past_key_values." + (config.decoderLayers() - 1) + ".decoder.key"));
            if (files.layout() == DecoderLayout.MERGED) {
                first.requireInputs(List.of(OnnxDecoderRun.USE_CACHE));
            }
            return new MarianEngine(files, encoder, first, next, opened.get(gatherAt), opened.get(scoreAt),
                    opened.get(wantedAt), config, generation, limits);
        } catch (RuntimeException e) {
            opened.forEach(OnnxGraph::close);
            throw e;
        }
    }

    public MarianConfig config() {
        return config;
    }

    public GenerationConfig generation() {
        return generation;
    }

    public ModelFiles files() {
        return files;
    }

    /** How big one batch may grow. */
    public BatchLimits limits() {
        return limits;
    }

    /** Translates sentences (token ids ending with the end token) for one caller; results in input order. */
    @Override
    public List<Hypothesis> generate(List<Source> sources, DecodeOptions options, Caller caller) {
        List<Hypothesis> out = generateRows(sources, options, i -> caller.abandoned().isPresent());
        if (out.stream().anyMatch(h -> h.finish() == FinishReason.ABANDONED)) {
            AbandonReason why = caller.abandoned().orElse(AbandonReason.DEADLINE);
            throw new AbandonedException(why, "the translation was abandoned (" + why.label() + ")");
        }
        return out;
    }

    /**
     * The beam a greedy request runs a sentence with constraints with: the constrained search needs
     * room for a hypothesis per bank it fills, and more than four costs more than it finds.
     */
    public static int greedyConstrainedBeams(int constraints) {
        return Math.min(4, constraints + 1);
    }

    /**
     * Translates sentences of any callers; a row stops at the next step once {@code abandoned} holds
     * for it. Greedy options send sentences with constraints through the constrained beam search
     * ({@link #greedyConstrainedBeams}) in batches of their own.
     */
    @Override
    public List<Hypothesis> generateRows(List<Source> sources, DecodeOptions options, IntPredicate abandoned) {
        if (options.beams() > 1 || sources.stream().noneMatch(Source::constrained)) {
            return generateSorted(sources, options, abandoned);
        }
        List<Integer> plain = new ArrayList<>();
        List<Integer> constrained = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            (sources.get(i).constrained() ? constrained : plain).add(i);
        }
        Hypothesis[] results = new Hypothesis[sources.size()];
        for (List<Integer> part : List.of(plain, constrained)) {
            List<Hypothesis> out = generateSorted(part.stream().map(sources::get).toList(), options,
                    r -> abandoned.test(part.get(r)));
            for (int j = 0; j < part.size(); j++) {
                results[part.get(j)] = out.get(j);
            }
        }
        return List.of(results);
    }

    private List<Hypothesis> generateSorted(List<Source> sources, DecodeOptions options, IntPredicate abandoned) {
        Integer[] order = new Integer[sources.size()];
        Arrays.setAll(order, i -> i);
        // Longest first: batches then hold sentences of similar length and padding stays small.
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -sources.get(i).ids().length).thenComparingInt(i -> i));
        int beams = sources.stream().mapToInt(s -> width(s, options)).max().orElse(1);
        Hypothesis[] results = new Hypothesis[sources.size()];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            int longest = clip(sources.get(order[start]).ids()).length;
            while (end < order.length && limits.admits(end - start + 1, longest, beams)) {
                end++;
            }
            List<Source> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                Source s = sources.get(order[i]);
                batch.add(new Source(clip(s.ids()), s.constraints()));
            }
            int first = start;
            IntPredicate rowAbandoned = r -> abandoned.test(order[first + r]);
            List<Hypothesis> out = generateBatch(batch, options, rowAbandoned);
            for (int i = start; i < end; i++) {
                results[order[i]] = out.get(i - start);
            }
            start = end;
        }
        return List.of(results);
    }

    /** The beam a sentence runs with: the request's, or the constrained search's for a greedy one with constraints. */
    private static int width(Source s, DecodeOptions options) {
        return options.beams() == 1 && s.constrained() ? greedyConstrainedBeams(s.constraints().size()) : options.beams();
    }

    /** The encoder cannot take more positions than the model has; keep the end token. */
    private int[] clip(int[] ids) {
        if (ids.length <= config.maxPositions()) {
            return ids;
        }
        int[] clipped = Arrays.copyOf(ids, config.maxPositions());
        clipped[clipped.length - 1] = generation.eosTokenId();
        return clipped;
    }

    private List<Hypothesis> generateBatch(List<Source> batch, DecodeOptions options, IntPredicate abandoned) {
        int rows = batch.size();
        if (IntStream.range(0, rows).allMatch(abandoned)) {
            // Nobody waits for any of them: not even the encoder runs.
            return Collections.nCopies(rows, new Hypothesis(new int[0], 0.0, FinishReason.ABANDONED));
        }
        int width = batch.stream().mapToInt(a -> a.ids().length).max().orElse(1);
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        int[] caps = new int[rows];
        Arrays.fill(ids, generation.padTokenId());
        for (int r = 0; r < rows; r++) {
            int[] src = batch.get(r).ids();
            for (int c = 0; c < src.length; c++) {
                ids[r * width + c] = src[c];
                mask[r * width + c] = 1;
            }
            caps[r] = options.lengthCap(src.length, generation.maxLength());
        }
        SearchRules rules = new SearchRules(generation.decoderStartTokenId(), generation.eosTokenId(),
                generation.badWordIds(), options.repetitionGuard(), options.fixedNewTokens() > 0);
        SearchStrategy strategy = strategy(batch, options);
        NDManager runManager = firstDecoder.newManager();
        try (DecoderRun run = encode(runManager, ids, mask, rows, width, rules.maskedTokens())) {
            return strategy.search(run, caps, rules, abandoned);
        }
    }

    private static SearchStrategy strategy(List<Source> batch, DecodeOptions options) {
        if (batch.stream().noneMatch(Source::constrained)) {
            return options.beams() == 1 ? new GreedySearch() : new BeamSearch(options.beams());
        }
        return new BeamSearch(batch.stream().mapToInt(s -> width(s, options)).toArray(),
                batch.stream().map(s -> s.constraints().toArray(new int[0][])).toList());
    }

    private DecoderRun encode(NDManager runManager, long[] ids, long[] mask, int rows, int width, int[] banned) {
        try {
            NDArray states = runEncoder(runManager, ids, mask, rows, width);
            NDArray decoderMask = runManager.create(LongBuffer.wrap(mask), new Shape(rows, width), DataType.INT64);
            return new OnnxDecoderRun(firstDecoder, nextDecoder, rowGather, scorer, banned, runManager, decoderMask,
                    states, config.vocabSize(), config.decoderLayers(), config.decoderHeads(), config.headDim());
        } catch (RuntimeException e) {
            runManager.close();
            throw e;
        }
    }

    /** Runs the encoder; the returned states belong to {@code manager}. */
    private NDArray runEncoder(NDManager manager, long[] ids, long[] mask, int rows, int width) {
        Shape shape = new Shape(rows, width);
        try (NDManager encoderManager = manager.newSubManager()) {
            NDArray inputIds = encoderManager.create(LongBuffer.wrap(ids), shape, DataType.INT64);
            inputIds.setName("input_ids");
            NDArray attention = encoderManager.create(LongBuffer.wrap(mask), shape, DataType.INT64);
            attention.setName("attention_mask");
            NDArray states = encoder.run(new NDList(inputIds, attention)).get("last_hidden_state");
            if (states == null) {
                throw new IllegalStateException(files.encoder() + " returned no last_hidden_state");
            }
            states.attach(manager);
            return states;
        }
    }

    /**
     * Sentence vectors: the encoder states of each source averaged over its tokens (padding
     * excluded), {@code d_model} floats each, in input order.
     */
    public float[][] embed(List<int[]> sources, int maxBatch) {
        float[][] out = new float[sources.size()][];
        for (int start = 0; start < sources.size(); start += maxBatch) {
            List<int[]> batch = sources.subList(start, Math.min(sources.size(), start + maxBatch))
                    .stream().map(this::clip).toList();
            int rows = batch.size();
            int width = batch.stream().mapToInt(a -> a.length).max().orElse(1);
            long[] ids = new long[rows * width];
            long[] mask = new long[rows * width];
            Arrays.fill(ids, generation.padTokenId());
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < batch.get(r).length; c++) {
                    ids[r * width + c] = batch.get(r)[c];
                    mask[r * width + c] = 1;
                }
            }
            try (NDManager manager = firstDecoder.newManager()) {
                float[] states = runEncoder(manager, ids, mask, rows, width).toFloatArray();
                int d = config.dModel();
                for (int r = 0; r < rows; r++) {
                    float[] v = new float[d];
                    int len = batch.get(r).length;
                    for (int t = 0; t < len; t++) {
                        int base = (r * width + t) * d;
                        for (int k = 0; k < d; k++) {
                            v[k] += states[base + k] / len;
                        }
                    }
                    out[start + r] = v;
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        encoder.close();
        firstDecoder.close();
        if (nextDecoder != firstDecoder) {
            nextDecoder.close();
        }
        gather.close();
        scoreGraph.close();
        scoreWanted.close();
    }
}
