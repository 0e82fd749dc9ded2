package dev.passerelle.clean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.clean.LabelledBlocks.Labelled;
import dev.passerelle.summarize.DigestPlan;
import dev.passerelle.summarize.DigestPlanner;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.summarize.LexicalSimilarity;
import dev.passerelle.summarize.Summarizer;
import dev.passerelle.summarize.TrainedSummarizer;
import dev.passerelle.summarize.UnitRanker;
import dev.passerelle.summarize.SummarizerSettings;
import dev.passerelle.summarize.Unit;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The digest (trained ranking or LexRank, no translation model) never picks a sentence of a furniture block of the labelled set. */
class DigestFurnitureTest {

    private static final Map<String, List<Labelled>> PAGES = LabelledBlocks.pages();
    private static TrainedSummarizer trained;

    @BeforeAll
    static void load() {
        trained = TrainedSummarizer.load(OnnxOptions.DEFAULT, 12, false);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    static Stream<String> pages() {
        return PAGES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noBulletComesFromFurniture(String page) {
        List<Labelled> blocks = PAGES.get(page);
        String text = LabelledBlocks.text(blocks);
        Document doc = DocumentSplitter.sentencesOnly().split(text);
        // As many bullets as the digest allows: the more it picks, the likelier furniture would show.
        for (UnitRanker ranker : List.of(trained, new Summarizer(new LexicalSimilarity(), SummarizerSettings.DEFAULT))) {
            assertNoFurniture(blocks, text, new DigestPlanner(SummarizerSettings.DEFAULT).plan(doc, "", 20, ranker));
        }
    }

    private static void assertNoFurniture(List<Labelled> blocks, String text, DigestPlan plan) {
        assertFalse(plan.summary().chosen().isEmpty());
        for (Unit u : plan.summary().chosen()) {
            for (Segment s : u.segments()) {
                Labelled block = blockAt(blocks, text, s.span().start());
                assertTrue(block.content(), () -> "picked from " + block.label() + ": " + s.text());
            }
        }
    }

    /** The block whose line holds {@code offset}. */
    private static Labelled blockAt(List<Labelled> blocks, String text, int offset) {
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        return blocks.get(line);
    }
}
