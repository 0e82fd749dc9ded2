package dev.passerelle.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.passerelle.model.OnnxGraph;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the decoder graphs of one batch with a KV cache: the first step computes every layer's
 * self and cross key/values, later steps feed only the new token and the cache. Works for both
 * layouts: split (decoder_model then decoder_with_past_model) and merged (one graph switching on
 * use_cache_branch, which at step 0 wants empty past tensors and whose cache branch returns
 * placeholder encoder key/values, so the cross key/values of step 0 are kept).
 *
 * <p>Each step's logits stay in the runtime: {@link StepScorer} turns them into the rows' best
 * tokens, and only those reach Java. Every tensor lives in a manager owned by this run; each
 * step's outputs land in a step manager that is closed before the step returns, except the cache
 * tensors moved out of it.
 */
final class OnnxDecoderRun implements DecoderRun {

    static final String INPUT_IDS = "input_ids";
    static final String ENCODER_MASK = "encoder_attention_mask";
    static final String ENCODER_STATES = "encoder_hidden_states";
    static final String USE_CACHE = "use_cache_branch";
    private static final String PAST = "past_key_values.";
    private static final String PRESENT = "present.";

    private final OnnxGraph firstGraph;
    private final OnnxGraph nextGraph;
    private final TensorRows rowsOf;
    private final StepScorer scorer;
    /** Additive mask removing the banned tokens from every row's logits. */
    private final NDArray bannedMask;
    private final int allowed;
    private final NDManager manager;
    private final int heads;
    private final int headDim;
    private final int layers;
    /** Tensors with one row per hypothesis that stay fixed for a source: mask, states, cross KV. */
    private final Map<String, NDArray> perSource = new LinkedHashMap<>();
    /** Self-attention KV of the tokens generated so far. */
    private final Map<String, NDArray> selfCache = new LinkedHashMap<>();
    /** Which source each row belongs to; a select that keeps it unchanged skips the per-source gather. */
    private int[] rowSource;
    private int step;

    OnnxDecoderRun(OnnxGraph firstGraph, OnnxGraph nextGraph, TensorRows rowsOf, StepScorer scorer, int[] banned,
                   NDManager manager, NDArray encoderMask, NDArray encoderStates, int vocab, int layers, int heads,
                   int headDim) {
        this.firstGraph = firstGraph;
        this.nextGraph = nextGraph;
        this.rowsOf = rowsOf;
        this.scorer = scorer;
        this.manager = manager;
        this.bannedMask = scorer.mask(vocab, banned, manager);
        this.allowed = vocab - (int) Arrays.stream(banned).filter(b -> b >= 0 && b < vocab).distinct().count();
        this.layers = layers;
        this.heads = heads;
        this.headDim = headDim;
        encoderMask.setName(ENCODER_MASK);
        encoderStates.setName(ENCODER_STATES);
        perSource.put(ENCODER_MASK, encoderMask);
        perSource.put(ENCODER_STATES, encoderStates);
        int rows = Math.toIntExact(encoderMask.getShape().get(0));
        rowSource = new int[rows];
        Arrays.setAll(rowSource, i -> i);
    }

    @Override
    public int rows() {
        return rowSource.length;
    }

    @Override
    public StepScores step(long[] tokens, int k) {
        return step(tokens, k, null);
    }

    @Override
    public StepScores step(long[] tokens, int k, int[][] wanted) {
        if (tokens.length != rows()) {
            throw new IllegalArgumentException("expected " + rows() + " tokens, got " + tokens.length);
        }
        OnnxGraph graph = step == 0 ? firstGraph : nextGraph;
        try (NDManager stepManager = manager.newSubManager()) {
            NDArray ids = stepManager.create(LongBuffer.wrap(tokens), new Shape(tokens.length, 1), DataType.INT64);
            ids.setName(INPUT_IDS);
            NDList inputs = new NDList(ids);
            for (String name : graph.inputNames()) {
                if (!name.equals(INPUT_IDS)) {
                    inputs.add(input(name, stepManager));
                }
            }
            NDList outputs = graph.run(inputs);
            keepCache(outputs);
            step++;
            return scorer.score(outputs.get("logits"), bannedMask, Math.min(k, allowed), wanted);
        }
    }

    private NDArray input(String name, NDManager stepManager) {
        NDArray a = perSource.containsKey(name) ? perSource.get(name) : selfCache.get(name);
        if (a != null) {
            return a;
        }
        if (name.equals(USE_CACHE)) {
            a = stepManager.create(new boolean[] {step > 0});
        } else if (name.startsWith(PAST) && step == 0) {
            // Merged decoder at step 0: every past input present, empty along the sequence axis.
            a = stepManager.create(FloatBuffer.allocate(0), new Shape(rows(), heads, 0, headDim), DataType.FLOAT32);
        } else {
            throw new IllegalStateException(firstGraph.file() + " wants input " + name + " that the decoder cannot feed");
        }
        a.setName(name);
        return a;
    }

    /** Moves this step's key/values out of the step manager; cross KV only from step 0. */
    private void keepCache(NDList outputs) {
        for (NDArray out : outputs) {
            String name = out.getName();
            if (name == null || !name.startsWith(PRESENT)) {
                continue;
            }
            String pastName = PAST + name.substring(PRESENT.length());
            boolean self = name.contains(".decoder.");
            if (!self && step > 0) {
                continue; // the merged graph's cache branch returns empty placeholders here
            }
            out.setName(pastName);
            out.attach(manager);
            NDArray old = (self ? selfCache : perSource).put(pastName, out);
            if (old != null) {
                old.close();
            }
        }
        if (step == 0 && perSource.size() != 2 + 2 * layers) {
            throw new IllegalStateException(firstGraph.file() + " returned " + (perSource.size() - 2)
                    + " encoder key/value tensors, expected " + 2 * layers);
        }
    }

    @Override
    public void select(int[] rows) {
        int[] newSource = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            newSource[i] = rowSource[rows[i]];
        }
        gatherAll(selfCache, rows);
        if (!Arrays.equals(newSource, rowSource)) {
            gatherAll(perSource, rows);
        }
        rowSource = newSource;
    }

    private void gatherAll(Map<String, NDArray> arrays, int[] rows) {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray old = e.getValue();
            NDArray gathered = rowsOf.select(old, rows, manager);
            gathered.setName(e.getKey());
            e.setValue(gathered);
            old.close();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
