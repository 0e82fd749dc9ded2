package dev.passerelle.summarize.trained;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.model.OnnxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java computes the features the training script computed, and DJL's run of the shipped graph
 * gives what PyTorch gave, on the units of 20 OrangeSum validation articles, with their headline
 * and without ({@code parity.json}, written by {@code tools/summarizer/train.py}).
 */
class UnitFeaturesParityTest {

    private static JsonNode parity;
    private static OverlapModel model;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = UnitFeaturesParityTest.class.getResourceAsStream("/summarizer/parity.json")) {
            parity = new ObjectMapper().readTree(in);
        }
        model = OverlapModel.load(OnnxOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<String> units(JsonNode c) {
        List<String> out = new ArrayList<>();
        c.get("units").forEach(u -> out.add(u.asText()));
        return out;
    }

    @Test
    void theFeatureNamesAreTheScriptsInItsOrder() {
        List<String> names = new ArrayList<>();
        parity.get("names").forEach(n -> names.add(n.asText()));
        assertEquals(names, UnitFeatures.NAMES);
    }

    @Test
    void everyFeatureOfEveryUnitAgreesWithTheScript() {
        assertEquals(40, parity.get("cases").size(), "20 articles, with and without headline");
        for (JsonNode c : parity.get("cases")) {
            float[][] java = UnitFeatures.of(units(c), c.get("title").asText());
            JsonNode python = c.get("features");
            assertEquals(python.size(), java.length);
            for (int i = 0; i < java.length; i++) {
                for (int f = 0; f < java[i].length; f++) {
                    double expected = python.get(i).get(f).asDouble();
                    assertEquals(expected, java[i][f], 1e-5, "article " + c.get("id").asText() + " unit " + i + " "
                            + UnitFeatures.NAMES.get(f) + (c.get("title").asText().isEmpty() ? " (no headline)" : ""));
                }
            }
        }
    }

    @Test
    void theGraphRunThroughDjlPredictsWhatTorchPredicted() {
        for (JsonNode c : parity.get("cases")) {
            float[] predicted = model.predict(UnitFeatures.of(units(c), c.get("title").asText()));
            JsonNode expected = c.get("overlap");
            assertEquals(expected.size(), predicted.length);
            for (int i = 0; i < predicted.length; i++) {
                assertEquals(expected.get(i).asDouble(), predicted[i], 1e-3, "article " + c.get("id").asText() + " unit " + i);
            }
        }
    }
}
