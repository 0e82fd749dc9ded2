package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.model.Variant;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.DecoderLayout;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java engine reproduces the PyTorch references token for token, in every layout and batch shape. */
class MarianEngineTest {

    private static MarianEngine split;
    private static MarianEngine merged;
    private static final List<Fixture.Case> CASES = Fixture.cases();

    @BeforeAll
    static void load() {
        split = MarianEngine.load(ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32, DecoderChoice.SPLIT), OnnxOptions.DEFAULT, BatchLimits.DEFAULT);
        merged = MarianEngine.load(ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32, DecoderChoice.MERGED), OnnxOptions.DEFAULT, BatchLimits.DEFAULT);
        assertEquals(DecoderLayout.SPLIT, split.files().layout());
        assertEquals(DecoderLayout.MERGED, merged.files().layout());
    }

    @AfterAll
    static void close() {
        split.close();
        merged.close();
    }

    static DecodeOptions options(int beams) {
        // The references were computed without the repetition guard and with these length rules.
        return new DecodeOptions(beams, false, 2.0, 10);
    }

    private static MarianEngine engine(String layout) {
        return layout.equals("split") ? split : merged;
    }

    @ParameterizedTest(name = "{0} decoder, {1} beam(s), one sentence per call")
    @CsvSource({"split,1", "split,2", "split,4", "merged,1", "merged,2", "merged,4"})
    void reproducesReferencesOneAtATime(String layout, int beams) {
        for (Fixture.Case c : CASES) {
            Hypothesis h = engine(layout).generate(Source.of(List.of(c.inputIds())), options(beams)).get(0);
            assertArrayEquals(c.expectedIds(beams), h.tokens(), () -> "ids of: " + c.text());
            assertEquals(c.expectedScore(beams), h.score(), 1e-4, () -> "score of: " + c.text());
        }
    }

    @ParameterizedTest(name = "{0} decoder, {1} beam(s), all sentences in one batch")
    @CsvSource({"split,1", "split,4", "merged,1", "merged,4"})
    void reproducesReferencesBatched(String layout, int beams) {
        List<Source> sources = Source.of(CASES.stream().map(Fixture.Case::inputIds).toList());
        List<Hypothesis> out = engine(layout).generate(sources, options(beams));
        assertEquals(CASES.size(), out.size());
        for (int i = 0; i < CASES.size(); i++) {
            Fixture.Case c = CASES.get(i);
            assertArrayEquals(c.expectedIds(beams), out.get(i).tokens(), "batched ids of: " + c.text());
            assertEquals(c.expectedScore(beams), out.get(i).score(), 1e-4, "batched score of: " + c.text());
        }
    }

    @ParameterizedTest(name = "small batches of {0} sentences")
    @CsvSource({"1", "3", "5"})
    void batchLimitsDoNotChangeResults(int maxSentences) {
        List<Source> sources = Source.of(CASES.stream().map(Fixture.Case::inputIds).toList());
        List<Hypothesis> out;
        try (MarianEngine small = MarianEngine.load(ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32, DecoderChoice.SPLIT),
                OnnxOptions.DEFAULT, new BatchLimits(maxSentences, 4096))) {
            out = small.generate(sources, options(2));
        }
        for (int i = 0; i < CASES.size(); i++) {
            assertArrayEquals(CASES.get(i).expectedIds(2), out.get(i).tokens(), CASES.get(i).text());
        }
    }

    @ParameterizedTest(name = "fixed length for benchmarks, {0} beam(s)")
    @CsvSource({"1", "4"})
    void benchmarksCanFixTheNumberOfNewTokens(int beams) {
        List<Source> sources = Source.of(CASES.stream().map(Fixture.Case::inputIds).toList());
        DecodeOptions fixed = new DecodeOptions(beams, false, 2.0, 10, 7);
        for (Hypothesis h : split.generate(sources, fixed)) {
            assertEquals(6, h.tokens().length, "six tokens, then the forced end");
            assertEquals(FinishReason.LENGTH, h.finish());
        }
    }

    @ParameterizedTest(name = "repetition guard, {0} beam(s)")
    @CsvSource({"1", "4"})
    void repetitionGuardCutsTheLoop(int beams) {
        // Unguarded, the fixture model loops until the length cap on some unseen inputs.
        Fixture.Case looping = CASES.stream().filter(c -> c.expectedIds(beams).length == c.maxNewTokens() - 1)
                .findFirst().orElseThrow();
        DecodeOptions guarded = new DecodeOptions(beams, true, 2.0, 10);
        Hypothesis h = split.generate(Source.of(List.of(looping.inputIds())), guarded).get(0);
        // Greedy can only cut the loop; beam search drops the looping beams and may end on a better one.
        if (beams == 1) {
            assertEquals(FinishReason.REPETITION, h.finish());
        }
        assertNotEquals(FinishReason.LENGTH, h.finish());
        assertTrue(h.tokens().length < looping.maxNewTokens() / 2, "cut early: " + h.tokens().length);
    }
}
