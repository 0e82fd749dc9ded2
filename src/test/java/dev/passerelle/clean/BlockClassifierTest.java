package dev.passerelle.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.clean.LabelledBlocks.Labelled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The block classifier on the labelled set (src/test/resources/clean/blocks.tsv), as text lines and as HTML. */
class BlockClassifierTest {

    private static final Map<String, List<Labelled>> PAGES = LabelledBlocks.pages();

    static Stream<Arguments> blocks() {
        List<Arguments> out = new ArrayList<>();
        PAGES.forEach((page, blocks) -> {
            for (int i = 0; i < blocks.size(); i++) {
                out.add(Arguments.of(page, i, blocks.get(i).label(), blocks.get(i).text()));
            }
        });
        return out.stream();
    }

    static Stream<String> pages() {
        return PAGES.keySet().stream();
    }

    @Test
    void theSetHasEveryShape() {
        long blocks = PAGES.values().stream().mapToLong(List::size).sum();
        assertTrue(blocks >= 50, "blocks: " + blocks);
        for (Boilerplate kind : List.of(Boilerplate.PHOTO_CREDIT, Boilerplate.DATELINE, Boilerplate.SOURCE,
                Boilerplate.SHARE, Boilerplate.TAGS, Boilerplate.BYLINE, Boilerplate.SCRIPT, Boilerplate.COMMENTS)) {
            assertTrue(PAGES.values().stream().flatMap(List::stream).anyMatch(b -> b.kind() == kind), kind::name);
        }
    }

    /** Each line of a page as plain text, where only words and neighbours tell. */
    @ParameterizedTest(name = "{0} #{1}: {2}")
    @MethodSource("blocks")
    void eachBlockAsATextLine(String page, int index, String label, String text) {
        List<Labelled> blocks = PAGES.get(page);
        BlockVerdict v = new BlockClassifier(true).classify(blocks.stream().map(b -> Block.line(b.text())).toList())
                .get(index);
        Labelled expected = blocks.get(index);
        assertEquals(expected.content(), v.content(), () -> v.kind() + ": " + text);
        if (expected.kind() != null) {
            assertEquals(expected.kind(), v.kind(), text);
        }
        if (expected.content()) {
            assertEquals(expected.kept(), v.text(), "the agency dateline is cut, the sentence kept");
        }
    }

    /** The same page as HTML, one paragraph element a block: the reader view keeps exactly the content. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void eachPageAsHtml(String page) {
        StringBuilder html = new StringBuilder("<html><body><article><h1>Titre de la page</h1>");
        for (Labelled b : PAGES.get(page)) {
            html.append("<p>").append(Entities.escape(b.text())).append("</p>");
        }
        List<String> paragraphs = ArticleExtractor.extract(html.append("</article></body></html>").toString()).paragraphs();
        List<String> expected = PAGES.get(page).stream().filter(Labelled::content).map(Labelled::kept).toList();
        assertEquals(expected, paragraphs);
    }

    @Test
    void linkDenseBlocksAreFurnitureEvenWhenTheyReadLikeProse() {
        String related = "<p>Le bateau de croisière a percuté un quai lors de son arrivée dans le port de Venise, "
                + "dimanche matin, et quatre personnes ont été blessées.</p>";
        String html = "<article>" + related + "<ul><li><a href='/a'>Le gouvernement présente une réforme de la justice "
                + "qui prévoit la création de cent postes de magistrats.</a></li></ul>" + related + "</article>";
        List<String> paragraphs = ArticleExtractor.extract(html).paragraphs();
        assertEquals(2, paragraphs.size(), paragraphs::toString);
        assertFalse(paragraphs.stream().anyMatch(p -> p.contains("magistrats")));
    }

    @Test
    void stopWordDensityReadsFrenchAndEnglish() {
        assertTrue(BlockClassifier.stopDensity("Le président est arrivé à Astana pour une visite de deux jours.") > 0.3);
        assertTrue(BlockClassifier.stopDensity("The president arrived in Astana for a two-day visit.") > 0.3);
        assertTrue(BlockClassifier.stopDensity("Politique Monde Société Économie Culture Sport") == 0);
    }

    @Test
    void fiftyThousandShortLinesAreClassifiedInLinearTime() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            blocks.add(Block.line("a"));
        }
        long start = System.nanoTime();
        List<BlockVerdict> verdicts = new BlockClassifier(false).classify(blocks);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(50_000, verdicts.size());
        // Walking to the edge for every short line took seconds; the two-pass look-up takes milliseconds.
        assertTrue(millis < 2_000, millis + " ms");
    }
}
