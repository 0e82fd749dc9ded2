package dev.passerelle.summarize.trained;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulletSelectorTest {

    private static final BulletSelector SELECTOR = new BulletSelector(12);

    private static BulletSelector.Candidate unit(double overlap, int words, String... content) {
        return new BulletSelector.Candidate(overlap, words, Set.of(content));
    }

    @Test
    void aShortUnitSharingAsMuchBeatsALongOne() {
        List<BulletSelector.Candidate> units = List.of(unit(6, 60, "a", "b", "c"), unit(5, 15, "d", "e"));
        assertEquals(List.of(1), SELECTOR.select(units, 1, false));
    }

    @Test
    void aUnitRepeatingAChosenOneLosesToANewOne() {
        List<BulletSelector.Candidate> units = List.of(unit(6, 20, "a", "b", "c"), unit(6, 20, "a", "b", "c"),
                unit(4, 20, "d", "e", "f"));
        assertEquals(List.of(0, 2), SELECTOR.select(units, 2, false));
    }

    @Test
    void theLeadIsKeptWhenAskedAndTheChoiceIsInArticleOrder() {
        List<BulletSelector.Candidate> units = List.of(unit(0.01, 30, "x"), unit(5, 15, "d"), unit(6, 15, "e"));
        assertEquals(List.of(1, 2), SELECTOR.select(units, 2, false));
        assertEquals(List.of(0, 2), SELECTOR.select(units, 2, true));
    }

    @Test
    void moreBulletsThanUnitsGivesEveryUnit() {
        List<BulletSelector.Candidate> units = List.of(unit(1, 5, "a"), unit(2, 5, "b"));
        assertEquals(List.of(0, 1), SELECTOR.select(units, 7, false));
        assertEquals(List.of(), SELECTOR.select(List.of(), 3, true));
    }
}
