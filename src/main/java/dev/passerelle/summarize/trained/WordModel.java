package dev.passerelle.summarize.trained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.passerelle.model.OnnxGraph;
import dev.passerelle.model.OnnxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest's word model: a small network trained on OrangeSum (tools/summarizer) that reads
 * {@link WordFeatures} and predicts, for each distinct word of an article, the probability that the
 * journalist's abstract uses it at least once, twice and three times, run by ONNX Runtime through
 * DJL. Frequent words (the abstracts' most common, mostly function words) also enter by identity:
 * "de" and "le" are used at rates no feature explains. One instance serves every thread (the
 * session is thread-safe); each call's tensors live in a sub-manager closed before it returns.
 */
public final class WordModel implements AutoCloseable {

    /** The trained graph, a resource of the application (licence: summarizer/README.md beside it). */
    public static final String RESOURCE = "/summarizer/digest-words.onnx";
    /** The frequent words the graph knows by identity, one per line, in the order of their ids. */
    public static final String VOCABULARY = "/summarizer/frequent-words.txt";
    /** How many counts each word gets a probability for (at least 1, 2, ... {@code USES} uses). */
    public static final int USES = 3;
    static final List<String> INPUTS = List.of("features", "word");

    private final OnnxGraph graph;
    private final Map<String, Integer> vocabulary;

    private WordModel(OnnxGraph graph, Map<String, Integer> vocabulary) {
        this.graph = graph;
        this.vocabulary = vocabulary;
    }

    /** Loads the shipped graph and its vocabulary. */
    public static WordModel load(OnnxOptions options) {
        Map<String, Integer> vocabulary = vocabulary();
        OnnxGraph graph = OnnxGraph.loadResource(WordModel.class, RESOURCE, options);
        try {
            graph.requireInputs(INPUTS);
            return new WordModel(graph, vocabulary);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The id the graph knows {@code word} by: its line in the vocabulary, or the vocabulary's size. */
    public long id(String word) {
        return vocabulary.getOrDefault(word, vocabulary.size());
    }

    /** For each row of {@code table}, the probabilities of at least 1 .. {@link #USES} uses. */
    public float[][] predict(WordFeatures.Table table) {
        int n = table.words().size();
        if (n == 0) {
            return new float[0][];
        }
        int width = WordFeatures.NAMES.size();
        float[] flat = new float[n * width];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(table.features()[i], 0, flat, i * width, width);
            ids[i] = id(table.words().get(i));
        }
        try (NDManager manager = graph.newManager()) {
            NDArray features = manager.create(FloatBuffer.wrap(flat), new Shape(n, width), DataType.FLOAT32);
            features.setName(INPUTS.get(0));
            NDArray words = manager.create(LongBuffer.wrap(ids), new Shape(n), DataType.INT64);
            words.setName(INPUTS.get(1));
            float[] out = graph.run(new NDList(features, words)).get(0).toFloatArray();
            float[][] rows = new float[n][USES];
            for (int i = 0; i < n; i++) {
                System.arraycopy(out, i * USES, rows[i], 0, USES);
            }
            return rows;
        }
    }

    private static Map<String, Integer> vocabulary() {
        try (InputStream in = WordModel.class.getResourceAsStream(VOCABULARY)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + VOCABULARY);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            Map<String, Integer> ids = new HashMap<>();
            for (String line : lines) {
                // The graph knows words by line number: a blank or repeated line would shift every id after it.
                if (line.isBlank() || ids.putIfAbsent(line.strip(), ids.size()) != null) {
                    throw new IllegalStateException(VOCABULARY + " has a blank or repeated line: '" + line + "'");
                }
            }
            return Map.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
