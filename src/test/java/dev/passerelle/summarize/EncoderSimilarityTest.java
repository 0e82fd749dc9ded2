package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.translate.BatchLimits;
import dev.passerelle.Fixture;
import dev.passerelle.model.Variant;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.translate.Translator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sentence vectors from the fixture model's encoder, alone and mixed with the lexical ones. */
class EncoderSimilarityTest {

    private static Translator translator;

    @BeforeAll
    static void load() {
        ModelFiles files = ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32, DecoderChoice.AUTO);
        translator = Translator.open(files, OnnxOptions.DEFAULT, BatchLimits.DEFAULT, 200);
    }

    @AfterAll
    static void close() {
        translator.close();
    }

    @Test
    void vectorsArePooledOverRealTokensOnly() {
        float[][] alone = translator.embed(List.of("Oui."));
        float[][] batched = translator.embed(List.of("Oui.", "Nous avons échangé nos points de vue sur la coopération."));
        assertEquals(Fixture.dModel(), alone[0].length);
        for (int k = 0; k < alone[0].length; k++) {
            assertEquals(alone[0][k], batched[0][k], 1e-4, "padding must not change a vector");
        }
    }

    @Test
    void similarityMatrixIsACosine() {
        List<String> texts = List.of("Le président est arrivé à Astana.", "Le ministre est arrivé à Astana.",
                "Merci beaucoup !");
        double[][] m = new EncoderSimilarity(translator::embed).matrix(texts);
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, m[i][i], 1e-6);
            for (int j = 0; j < 3; j++) {
                assertEquals(m[i][j], m[j][i], 1e-12);
                assertTrue(m[i][j] >= 0 && m[i][j] <= 1 + 1e-9);
            }
        }
        assertTrue(m[0][1] > m[0][2], "the two arrivals are closer than the thanks");
    }

    @Test
    void encoderAndMixedModesSummarizeTheSample() {
        List<Unit> units = SummarizerTest.units(Fixture.sampleText());
        for (SentenceSimilarity sim : List.of(new EncoderSimilarity(translator::embed),
                new MixedSimilarity(new LexicalSimilarity(), new EncoderSimilarity(translator::embed), 0.5))) {
            Summary s = new Summarizer(sim, SummarizerSettings.DEFAULT).summarize(units, 4);
            assertEquals(4, s.chosen().size());
            assertEquals(0, s.chosen().get(0).index());
            assertEquals(s.chosen(), new Summarizer(sim, SummarizerSettings.DEFAULT).summarize(units, 4).chosen());
        }
    }
}
