package dev.passerelle.tokenize;

import ai.djl.sentencepiece.SpTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.model.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * MarianTokenizer semantics: split with {@code source.spm}, map each piece through
 * {@code vocab.json} (a missing piece is {@code <unk>}), append {@code </s>}; decode ids back
 * through the same vocabulary, dropping special tokens, and join pieces the SentencePiece way.
 */
public final class MarianTokenizer implements AutoCloseable {

    private static final char WORD_START = '\u2581';

    private final SpTokenizer source;
    /** The target side's splitter: how the model writes English, for glossary terms; null when not loaded. */
    private final SpTokenizer target;
    private final Map<String, Integer> ids;
    private final String[] pieces;
    private final int eos;
    private final int unk;
    private final int pad;

    private MarianTokenizer(SpTokenizer source, SpTokenizer target, Map<String, Integer> ids) {
        this.source = source;
        this.target = target;
        this.ids = ids;
        int max = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        this.pieces = new String[max + 1];
        ids.forEach((piece, id) -> pieces[id] = piece);
        this.eos = required("</s>");
        this.unk = required("<unk>");
        this.pad = required("<pad>");
    }

    /** Loads the tokenizer from {@code source.spm} and {@code vocab.json} (no target side: {@link #encodeTarget} fails). */
    public static MarianTokenizer load(Path sourceSpm, Path vocabJson) {
        return load(sourceSpm, null, vocabJson);
    }

    /** Loads the tokenizer from {@code source.spm}, {@code target.spm} (may be null) and {@code vocab.json}. */
    public static MarianTokenizer load(Path sourceSpm, Path targetSpm, Path vocabJson) {
        Map<String, Integer> vocab = readVocab(vocabJson);
        SpTokenizer source = spm(sourceSpm);
        try {
            return new MarianTokenizer(source, targetSpm == null ? null : spm(targetSpm), vocab);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static SpTokenizer spm(Path file) {
        try {
            return new SpTokenizer(file);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot load SentencePiece model " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> readVocab(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ModelLoadException(file + " cannot be read as JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.isObject() || json.isEmpty()) {
            throw new ModelLoadException(file + " must be a JSON object mapping pieces to ids");
        }
        Map<String, Integer> vocab = new HashMap<>(json.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || e.getValue().intValue() < 0) {
                throw new ModelLoadException(file + ": id of piece \"" + e.getKey() + "\" is not a non-negative integer");
            }
            vocab.put(e.getKey(), e.getValue().intValue());
        }
        return vocab;
    }

    private int required(String piece) {
        Integer id = ids.get(piece);
        if (id == null) {
            throw new ModelLoadException("vocab.json has no " + piece + " entry");
        }
        return id;
    }

    /** SentencePiece pieces of {@code text}, before vocabulary lookup. */
    public List<String> pieces(String text) {
        return source.tokenize(text);
    }

    /** Model input ids of {@code text}, ending with {@code </s>}. */
    public int[] encode(String text) {
        List<String> split = pieces(text);
        int[] out = new int[split.size() + 1];
        for (int i = 0; i < split.size(); i++) {
            out[i] = ids.getOrDefault(split.get(i), unk);
        }
        out[split.size()] = eos;
        return out;
    }

    /**
     * The ids the model writes {@code text} with, as a word of its translation (the word-start mark
     * first, as after a space), without {@code </s>}; a piece outside the vocabulary is {@code <unk>}.
     */
    public int[] encodeTarget(String text) {
        if (target == null) {
            throw new IllegalStateException("the model's target.spm is not loaded");
        }
        List<String> split = target.tokenize(text);
        int[] out = new int[split.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.getOrDefault(split.get(i), unk);
        }
        return out;
    }

    /** Whether {@code tokenIds} holds a piece the vocabulary lacks. */
    public boolean hasUnknown(int[] tokenIds) {
        for (int id : tokenIds) {
            if (id == unk) {
                return true;
            }
        }
        return false;
    }

    /** Text of generated ids; special tokens and ids outside the vocabulary are skipped. */
    public String decode(int[] tokenIds) {
        List<String> kept = new ArrayList<>(tokenIds.length);
        for (int id : tokenIds) {
            if (id == eos || id == unk || id == pad || id < 0 || id >= pieces.length || pieces[id] == null) {
                continue;
            }
            kept.add(pieces[id]);
        }
        return join(kept);
    }

    /** Concatenates pieces, turning the word-start mark into a space and dropping the leading one. */
    static String join(List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            sb.append(p);
        }
        String text = sb.toString().replace(WORD_START, ' ');
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    int eosId() {
        return eos;
    }

    int unkId() {
        return unk;
    }

    int padId() {
        return pad;
    }

    /** Number of entries in vocab.json. */
    public int vocabSize() {
        return ids.size();
    }

    @Override
    public void close() {
        source.close();
        if (target != null) {
            target.close();
        }
    }
}
