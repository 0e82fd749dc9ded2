package dev.passerelle.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement behind the shipped thresholds (README, "Languages"): on OrangeSum's French news,
 * how many whole inputs the gate would not translate as French and how many sentences it would keep
 * as English; on English news-like text, how much it passes through. Not a test (the data is not in
 * the repository): run it by hand on the JSON lines of {@code valid.jsonl.xz}, decompressed:
 *
 * <pre>
 * xz -dc ORANGESUM/valid.jsonl.xz &gt; /tmp/valid.jsonl
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.passerelle.lang.MeasureLanguages -Dexec.args=/tmp/valid.jsonl
 * </pre>
 */
public final class MeasureLanguages {

    private MeasureLanguages() {
    }

    public static void main(String[] args) throws IOException {
        LanguageGate gate = new LanguageGate(new OpenNlpLanguageDetector(10_000), Thresholds.WHOLE, Thresholds.SENTENCE,
                true);
        DocumentSplitter sentences = DocumentSplitter.sentencesOnly();
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> whole = new LinkedHashMap<>(); // kind -> {inputs, not French}
        int[] sentence = new int[2];
        List<String> flagged = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode article = json.readTree(line);
                for (String kind : List.of("title", "heading", "article")) {
                    String text = article.get(kind).asText();
                    Verdict v = gate.ofText(text);
                    int[] counts = whole.computeIfAbsent(kind, k -> new int[2]);
                    counts[0]++;
                    if (v.kind() != Verdict.Kind.FRENCH) {
                        counts[1]++;
                        flagged.add(kind + " taken for " + v.detected().code() + ": " + text);
                    }
                    if (!kind.equals("article")) {
                        continue;
                    }
                    for (Segment s : sentences.split(text).segments()) {
                        sentence[0]++;
                        if (gate.isEnglishSentence(s.text())) {
                            sentence[1]++;
                            flagged.add("sentence kept as English: " + s.text());
                        }
                    }
                }
            }
        }
        whole.forEach((kind, c) -> System.out.printf("French %-8s %6d inputs, %d not taken for French%n", kind, c[0], c[1]));
        System.out.printf("French sentences %d, %d kept as English%n", sentence[0], sentence[1]);
        flagged.forEach(f -> System.out.println("  " + f.substring(0, Math.min(160, f.length()))));
        english(gate);
    }

    /** The English side: each sentence of the test file, and paragraphs of three. */
    private static void english(LanguageGate gate) throws IOException {
        List<String> lines = EnglishSamples.sentences();
        long single = lines.stream().filter(s -> gate.ofText(s).english()).count();
        long kept = lines.stream().filter(gate::isEnglishSentence).count();
        int paragraphs = 0;
        int passed = 0;
        for (int i = 0; i + 3 <= lines.size(); i += 3) {
            paragraphs++;
            passed += gate.ofText(String.join(" ", lines.subList(i, i + 3))).english() ? 1 : 0;
        }
        System.out.printf("English sentences %d: %d passed through as whole inputs, %d kept inside French text%n",
                lines.size(), single, kept);
        System.out.printf("English paragraphs of 3 sentences %d: %d passed through%n", paragraphs, passed);
    }
}
