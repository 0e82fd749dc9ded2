package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.model.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * An abandoned sentence stops at the next decoding step and leaves the batch, in greedy and beam
 * search (on a fake decoder that never ends a sentence on its own), and in the engine on the test model.
 */
class AbandonedSearchTest {

    private static final SearchRules RULES = new SearchRules(1, 0, new int[0], false, false);
    private static final int CAP = 40;

    /** Proposes tokens 5, 6, 7... at every step, never the end token; records the rows fed at each step. */
    static final class EndlessRun implements DecoderRun {
        final List<Integer> rowsPerStep = new ArrayList<>();
        private int rows;

        EndlessRun(int rows) {
            this.rows = rows;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public StepScores step(long[] tokens, int k, int[][] wanted) {
            return step(tokens, k);
        }

        @Override
        public StepScores step(long[] tokens, int k) {
            assertEquals(rows, tokens.length);
            rowsPerStep.add(rows);
            long[] ids = new long[rows * k];
            float[] logProbs = new float[rows * k];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = 5 + i % k;
                logProbs[i] = -1 - i % k;
            }
            return new StepScores(rows, k, ids, logProbs);
        }

        @Override
        public void select(int[] keep) {
            rows = keep.length;
        }

        @Override
        public void close() {
        }

        int steps() {
            return rowsPerStep.size();
        }
    }

    /** Source 0 is abandoned once three steps have run. */
    private static IntPredicate firstAfterThreeSteps(EndlessRun run) {
        return s -> s == 0 && run.steps() >= 3;
    }

    @Test
    void greedyDropsAnAbandonedRowAtTheNextStep() {
        EndlessRun run = new EndlessRun(2);
        List<Hypothesis> out = new GreedySearch().search(run, new int[] {CAP, CAP}, RULES, firstAfterThreeSteps(run));
        assertEquals(FinishReason.ABANDONED, out.get(0).finish());
        assertEquals(3, out.get(0).tokens().length, "stopped after the step in which it was abandoned");
        assertEquals(FinishReason.LENGTH, out.get(1).finish());
        assertEquals(CAP - 1, out.get(1).tokens().length);
        assertEquals(List.of(2, 2, 2, 1), run.rowsPerStep.subList(0, 4), "its row left the batch");
    }

    @Test
    void greedyEndsTheBatchWhenEveryRowIsAbandoned() {
        EndlessRun run = new EndlessRun(3);
        List<Hypothesis> out = new GreedySearch().search(run, new int[] {CAP, CAP, CAP}, RULES, s -> true);
        assertEquals(1, run.steps());
        assertTrue(out.stream().allMatch(h -> h.finish() == FinishReason.ABANDONED));
    }

    @Test
    void beamSearchDropsAnAbandonedSentenceWithAllItsBeams() {
        EndlessRun run = new EndlessRun(2);
        List<Hypothesis> out = new BeamSearch(2).search(run, new int[] {CAP, CAP}, RULES, firstAfterThreeSteps(run));
        assertEquals(FinishReason.ABANDONED, out.get(0).finish());
        assertEquals(FinishReason.LENGTH, out.get(1).finish());
        // One row per sentence at the start, two beams each, then only the second sentence's two.
        assertEquals(List.of(2, 4, 4, 2), run.rowsPerStep.subList(0, 4));
        assertEquals(CAP, run.steps());
    }

    @Test
    void beamSearchEndsTheBatchWhenEverySentenceIsAbandoned() {
        EndlessRun run = new EndlessRun(2);
        new BeamSearch(4).search(run, new int[] {CAP, CAP}, RULES, s -> run.steps() >= 2);
        assertEquals(2, run.steps());
    }

    @Test
    void theEngineTranslatesTheOthersAndNeverReturnsAnAbandonedCallersWork() {
        try (MarianEngine engine = MarianEngine.load(ModelFiles.locate(Fixture.MODEL_DIR, Variant.FP32,
                DecoderChoice.MERGED), OnnxOptions.DEFAULT, BatchLimits.DEFAULT)) {
            List<Fixture.Case> cases = Fixture.cases().subList(0, 4);
            List<Source> sources = Source.of(cases.stream().map(Fixture.Case::inputIds).toList());
            List<Hypothesis> out = engine.generateRows(sources, MarianEngineTest.options(1), i -> i == 2);
            for (int i = 0; i < cases.size(); i++) {
                if (i == 2) {
                    assertEquals(FinishReason.ABANDONED, out.get(i).finish());
                } else {
                    assertArrayEquals(cases.get(i).expectedIds(1), out.get(i).tokens(), cases.get(i).text());
                }
            }
            Caller gone = new Caller(Caller.UNBOUNDED.deadlineNanos(), () -> true, "");
            AbandonedException e = assertThrows(AbandonedException.class,
                    () -> engine.generate(sources, MarianEngineTest.options(2), gone));
            assertEquals(AbandonReason.DISCONNECT, e.reason());
        }
    }
}
