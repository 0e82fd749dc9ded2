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
 * Java computes the word features the training script computed, and DJL's run of the shipped graph
 * gives what PyTorch gave, on 20 OrangeSum validation articles, with their headline and without
 * ({@code parity.json}, written by {@code tools/summarizer/train.py}).
 */
class WordFeaturesParityTest {

    private static JsonNode parity;
    private static WordModel model;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = WordFeaturesParityTest.class.getResourceAsStream("/summarizer/parity.json")) {
            parity = new ObjectMapper().readTree(in);
        }
        model = WordModel.load(OnnxOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(u -> out.add(u.asText()));
        return out;
    }

    private static WordFeatures.Table table(JsonNode c) {
        return WordFeatures.of(strings(c.get("units")), c.get("title").asText());
    }

    @Test
    void theFeatureNamesAreTheScriptsInItsOrder() {
        assertEquals(strings(parity.get("names")), WordFeatures.NAMES);
    }

    @Test
    void everyFeatureOfEveryWordAgreesWithTheScript() {
        assertEquals(40, parity.get("cases").size(), "20 articles, with and without headline");
        for (JsonNode c : parity.get("cases")) {
            WordFeatures.Table java = table(c);
            String article = "article " + c.get("id").asText() + (c.get("title").asText().isEmpty() ? " (no headline)" : "");
            assertEquals(strings(c.get("words")), java.words(), article);
            JsonNode python = c.get("features");
            for (int t = 0; t < java.features().length; t++) {
                for (int f = 0; f < java.features()[t].length; f++) {
                    assertEquals(python.get(t).get(f).asDouble(), java.features()[t][f], 1e-5,
                            article + " word '" + java.words().get(t) + "' " + WordFeatures.NAMES.get(f));
                }
            }
        }
    }

    @Test
    void theGraphRunThroughDjlPredictsWhatTorchPredicted() {
        for (JsonNode c : parity.get("cases")) {
            float[][] predicted = model.predict(table(c));
            JsonNode expected = c.get("probability");
            assertEquals(expected.size(), predicted.length);
            for (int t = 0; t < predicted.length; t++) {
                for (int j = 0; j < WordModel.USES; j++) {
                    assertEquals(expected.get(t).get(j).asDouble(), predicted[t][j], 1e-4,
                            "article " + c.get("id").asText() + " word " + t + " uses " + (j + 1));
                }
            }
        }
    }

    @Test
    void frequentWordsAreKnownByIdentityAndOthersShareOneId() {
        long unknown = model.id("kazinform");
        assertEquals(unknown, model.id("tokayev"), "every word outside the vocabulary has the same id");
        assertEquals(0, model.id("de"), "the abstracts' most used word comes first");
    }
}
