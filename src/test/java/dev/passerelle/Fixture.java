package dev.passerelle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** The generated test model (tools/fixture/make_fixture.py) and its PyTorch references. */
public final class Fixture {

    public static final Path MODEL_DIR = Path.of("src/test/resources/fixture-model");
    public static final Path SAMPLES = Path.of("docs/samples");

    private Fixture() {
    }

    /** One reference sentence with its expected outputs. */
    public record Case(String text, List<String> pieces, int[] inputIds, int maxNewTokens, JsonNode outputs) {

        /** Expected token ids for a beam width, end token dropped. */
        public int[] expectedIds(int beams) {
            int[] ids = ints(outputs.get("beam" + beams).get("ids"));
            return ids.length > 0 && ids[ids.length - 1] == 0 ? java.util.Arrays.copyOf(ids, ids.length - 1) : ids;
        }

        public double expectedScore(int beams) {
            return outputs.get("beam" + beams).get("score").asDouble();
        }

        public String expectedText(int beams) {
            return outputs.get("beam" + beams).get("text").asText();
        }
    }

    /** The test model's pipeline (fp32, its default decoder, default batches): the caller closes it. */
    public static dev.passerelle.translate.Translator translator() {
        return dev.passerelle.translate.Translator.open(dev.passerelle.model.ModelFiles.locate(MODEL_DIR,
                        dev.passerelle.model.Variant.FP32, dev.passerelle.model.DecoderChoice.AUTO),
                dev.passerelle.model.OnnxOptions.DEFAULT, dev.passerelle.translate.BatchLimits.DEFAULT, 200);
    }

    public static List<Case> cases() {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(MODEL_DIR.resolve("references.json")));
            List<Case> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                List<String> pieces = StreamSupport.stream(c.get("pieces").spliterator(), false).map(JsonNode::asText).toList();
                out.add(new Case(c.get("text").asText(), pieces, ints(c.get("input_ids")), c.get("max_new_tokens").asInt(), c));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** d_model of the fixture model, from its config.json. */
    public static int dModel() {
        try {
            return new ObjectMapper().readTree(Files.readAllBytes(MODEL_DIR.resolve("config.json"))).get("d_model").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sampleHtml() {
        try {
            return Files.readString(SAMPLES.resolve("seed-article.fr.html"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sampleText() {
        try {
            return Files.readString(SAMPLES.resolve("seed-article.fr.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
