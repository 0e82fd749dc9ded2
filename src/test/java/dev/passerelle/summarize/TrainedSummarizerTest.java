package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.clean.BoilerplateFilter;
import dev.passerelle.model.OnnxOptions;
import dev.passerelle.text.DocumentSplitter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainedSummarizerTest {

    private static TrainedSummarizer trained;

    @BeforeAll
    static void load() {
        trained = TrainedSummarizer.load(OnnxOptions.DEFAULT, 20, false);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    private static List<Unit> units(String text) {
        return QuoteUnits.group(new BoilerplateFilter().content(DocumentSplitter.sentencesOnly().split(text)));
    }

    @Test
    void theSampleArticleDigestOpensOnTheNewsAndKeepsQuotesWhole() {
        List<Unit> units = units(Fixture.sampleText());
        // Every digest opens on the arrival in Astana (the news), not on the opening line about the partnership.
        assertEquals(1, trained.summarize(units, "", 1).chosen().get(0).index());
        assertEquals(3, SummarizerSettings.DEFAULT.defaultBullets(units.size()), "the service's default count");
        for (int k = 2; k <= 5; k++) {
            Summary s = trained.summarize(units, "", k);
            assertEquals(k, s.chosen().size());
            assertEquals(1, s.chosen().get(0).index(), "bullets of " + k + " open on the news: " + s.chosen());
            assertTrue(s.chosen().stream().allMatch(u -> QuoteUnits.opened(u.text()) == 0), "no quote cut open");
            for (Unit u : s.chosen()) {
                boolean refersBack = u.text().matches("(?s)^(Il|Elle|Ils|Elles|C['’]|Cela|Ça|Ceci)\\b.*");
                assertTrue(!refersBack || s.chosen().contains(units.get(u.index() - 1)), "context kept: " + u.text());
            }
        }
    }

    @Test
    void theSameTextGivesTheSameDigest() {
        List<Unit> units = units(Fixture.sampleText());
        assertEquals(trained.summarize(units, "Astana", 3).chosen(), trained.summarize(units, "Astana", 3).chosen());
    }

    @Test
    void theLargestInputIsRankedOnItsFirstUnitsOnly() {
        List<Unit> units = units(LongInputDigest.distinct(100_000));
        assertTrue(units.size() > 10_000, units.size() + " units");
        long start = System.nanoTime();
        Summary s = trained.summarize(units, "", 20);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(units.size(), s.units().size(), "every unit listed");
        assertEquals(20, s.chosen().size());
        assertTrue(s.chosen().stream().allMatch(u -> u.index() < TrainedSummarizer.MAX_UNITS), "only ranked units chosen");
        assertFalse(s.units().get(TrainedSummarizer.MAX_UNITS).chosen());
        assertEquals(0, s.units().get(TrainedSummarizer.MAX_UNITS).score(), "past the cap, no score");
        System.out.printf("trained ranking of %d units: %d ms%n", units.size(), millis);
    }
}
