package dev.passerelle.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader view on 30 real news pages whose article text is known (OrangeSum, CC BY-SA 4.0, see
 * src/test/resources/pages/orangesum/README.md): a change that lets furniture in or loses article
 * text fails here. The whole 300 pages are measured with {@code extract-eval} (README, "Reader view").
 */
class ExtractionQualityTest {

    static final Path PAGES = Path.of("src/test/resources/pages/orangesum/pages.tar.xz");
    static final Path TEXTS = Path.of("src/test/resources/pages/orangesum/texts.jsonl.xz");

    private static List<PageCorpus.Page> pages;

    @BeforeAll
    static void read() throws IOException {
        pages = PageCorpus.read(PAGES, TEXTS);
    }

    @Test
    void theSampleIsWhole() {
        assertEquals(30, pages.size());
    }

    @Test
    void theReaderViewKeepsTheArticleAndDropsTheFurniture() {
        ExtractionQuality.Report r = ExtractionQuality.measure(pages, Extraction.READER);
        assertTrue(r.total().precision() >= 0.99, "precision " + r.total().precision());
        assertTrue(r.total().recall() >= 0.98, "recall " + r.total().recall());
        for (ExtractionQuality.PageScore p : r.pages()) {
            assertTrue(p.counts().precision() >= 0.95 && p.counts().recall() >= 0.85, p::toString);
        }
    }

    @Test
    void withoutReadabilityTheClassifierAloneStillMeetsTheTargets() {
        // The fallback when Readability finds nothing: the page's <article> and the block classifier.
        ExtractionQuality.Report r = ExtractionQuality.measure(pages, Extraction.BLOCKS);
        assertTrue(r.total().precision() >= 0.97, "precision " + r.total().precision());
        assertTrue(r.total().recall() >= 0.98, "recall " + r.total().recall());
    }

    @Test
    void extractEvalPrintsTheTableAndTheWorstPages() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"extract-eval", "--pages", PAGES.toString(), "--texts", TEXTS.toString(),
                "--method", "reader,readability", "--worst", "2"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err::toString);
        String s = out.toString();
        assertTrue(s.startsWith("30 pages of pages.tar.xz"), s);
        assertTrue(s.lines().anyMatch(l -> l.matches("\\| reader \\| 0\\.99\\d\\d \\| 0\\.9[89]\\d\\d \\|.*")), s);
        assertTrue(s.contains("| readability |") && s.contains("reader, lowest recall:"), s);
    }

    @Test
    void extractEvalRefusesAMissingFileAndAnUnknownMethodInOneLine() {
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"extract-eval", "--pages", "no/such.tar.xz", "--texts", TEXTS.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(1, code);
        assertTrue(err.toString().contains("no/such.tar.xz") && !err.toString().contains("\tat "), err::toString);
        err = new StringWriter();
        code = Cli.run(new String[] {"extract-eval", "--pages", PAGES.toString(), "--texts", TEXTS.toString(), "--method",
            "magic"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("reader, blocks or readability"), err::toString);
    }
}
