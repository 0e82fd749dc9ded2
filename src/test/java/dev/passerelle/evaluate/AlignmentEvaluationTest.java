package dev.passerelle.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.cli.AlignEvalCommand;
import dev.passerelle.html.LexicalAligner;
import dev.passerelle.html.LexicalAligner.Clue;
import dev.passerelle.text.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evidence for the aligner's default order of clues, on the gold set of 150 OrangeSum
 * sentences with 442 marked parts (src/test/resources/html/alignment-gold.jsonl): each clue must
 * earn its place, and the default must be the best candidate.
 */
class AlignmentEvaluationTest {

    private static final List<AlignmentEvaluation.Sentence> GOLD =
            AlignmentEvaluation.read(Path.of("src/test/resources/html/alignment-gold.jsonl"));

    private static AlignmentEvaluation.Score all(List<Clue> clues, boolean alone) {
        return AlignmentEvaluation.score(GOLD, new LexicalAligner(clues), alone).get("all");
    }

    @Test
    void theGoldSetIsWhole() {
        assertEquals(150, GOLD.size());
        assertEquals(442, GOLD.stream().mapToInt(s -> s.parts().size()).sum());
    }

    @Test
    void eachClueEarnsItsPlace() {
        double position = all(List.of(), false).exact();
        double verbatim = all(List.of(Clue.VERBATIM), false).exact();
        double cognates = all(List.of(Clue.VERBATIM, Clue.COGNATE), false).exact();
        double withAlone = all(LexicalAligner.DEFAULT, true).exact();
        assertTrue(position < 0.35, "position alone places few parts exactly: " + position);
        assertTrue(verbatim > position + 0.10, verbatim + " vs " + position);
        assertTrue(cognates > verbatim + 0.04, cognates + " vs " + verbatim);
        assertTrue(withAlone > cognates + 0.25, withAlone + " vs " + cognates);
        assertTrue(withAlone >= 0.80, "measured 81.7%: " + withAlone);
    }

    @Test
    void theDefaultIsTheBestCandidate() {
        double best = AlignEvalCommand.CANDIDATES.stream().mapToDouble(c -> all(c.clues(), c.alone()).exact()).max().orElseThrow();
        assertEquals(best, all(LexicalAligner.DEFAULT, true).exact());
        Map<String, AlignmentEvaluation.Score> byKind = AlignmentEvaluation.score(GOLD, new LexicalAligner(), true);
        assertTrue(byKind.get("name").exact() >= 0.95, byKind.toString());
        assertTrue(byKind.get("all").f1() >= 0.93, byKind.toString());
    }

    @Test
    void wordF1CountsSharedWords() {
        String text = "The president arrived in Astana.";
        assertEquals(1.0, AlignmentEvaluation.f1(text, new Span(4, 13), new Span(4, 13)));
        assertEquals(2.0 / 3, AlignmentEvaluation.f1(text, new Span(4, 21), new Span(4, 13)), 1e-9);
        assertEquals(0.0, AlignmentEvaluation.f1(text, new Span(25, 31), new Span(4, 13)));
    }
}
