package dev.passerelle.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.html.SpanAligner;
import dev.passerelle.text.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well an aligner carries markup: on a gold set of French sentences, their English
 * translations and the English words each marked French part must land on, the share of parts
 * placed exactly and the word-level F1 of the placements, by kind of part (name, number, phrase,
 * clause).
 */
public final class AlignmentEvaluation {

    /** A marked French part, the English words that translate it, and its translation on its own. */
    public record Part(String kind, Span french, Span english, String alone) {
    }

    /** A gold sentence. */
    public record Sentence(String id, String french, String english, List<Part> parts) {
    }

    /** Scores of one aligner on some parts: exact placements and mean word F1, as shares. */
    public record Score(int parts, double exact, double f1) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private AlignmentEvaluation() {
    }

    /** Reads the gold set's JSON lines ({@code id, french, english, spans: [{kind, f, e, alone}]}). */
    public static List<Sentence> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Sentence> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<Part> parts = new ArrayList<>();
                for (JsonNode s : n.get("spans")) {
                    parts.add(new Part(s.get("kind").asText(), span(s.get("f")), span(s.get("e")), s.path("alone").asText(null)));
                }
                out.add(new Sentence(n.get("id").asText(), n.get("french").asText(), n.get("english").asText(), parts));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Span span(JsonNode pair) {
        return new Span(pair.get(0).asInt(), pair.get(1).asInt());
    }

    /**
     * Scores {@code aligner} on every part, by kind and over all ("all" last).
     *
     * @param withAlone whether the aligner is given each part's translation on its own
     */
    public static Map<String, Score> score(List<Sentence> gold, SpanAligner aligner, boolean withAlone) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Sentence s : gold) {
            for (Part p : s.parts()) {
                Span got = aligner.align(s.french(), p.french(), s.english(), withAlone ? p.alone() : null);
                double exact = got.equals(p.english()) ? 1 : 0;
                double f1 = f1(s.english(), got, p.english());
                for (String key : List.of(p.kind(), "all")) {
                    double[] sum = sums.computeIfAbsent(key, k -> new double[3]);
                    sum[0]++;
                    sum[1] += exact;
                    sum[2] += f1;
                }
            }
        }
        double[] all = sums.remove("all");
        sums.put("all", all == null ? new double[3] : all);
        Map<String, Score> out = new LinkedHashMap<>();
        sums.forEach((k, v) -> out.put(k, new Score((int) v[0], v[0] == 0 ? 0 : v[1] / v[0], v[0] == 0 ? 0 : v[2] / v[0])));
        return out;
    }

    /** F1 of the words of {@code got} against those of {@code want}, by position in {@code text}. */
    static double f1(String text, Span got, Span want) {
        int shared = 0;
        int inGot = 0;
        int inWant = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            boolean g = m.start() < got.end() && m.end() > got.start();
            boolean w = m.start() < want.end() && m.end() > want.start();
            inGot += g ? 1 : 0;
            inWant += w ? 1 : 0;
            shared += g && w ? 1 : 0;
        }
        return inGot + inWant == 0 ? 1 : 2.0 * shared / (inGot + inWant);
    }
}
