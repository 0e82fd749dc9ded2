package dev.passerelle.summarize.trained;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulletSelectorTest {

    private static final BulletSelector SELECTOR = new BulletSelector(20);

    private static BulletSelector.Candidate unit(String text) {
        return BulletSelector.Candidate.of(Arrays.asList(text.split(" ")));
    }

    private static float[] sure() {
        return new float[] {1, 0, 0};
    }

    @Test
    void aShortUnitWithTheSameExpectedOverlapBeatsALongOne() {
        Map<String, float[]> p = Map.of("a", sure(), "b", sure());
        List<BulletSelector.Candidate> units = List.of(unit("a b x x x x x x x x x x"), unit("a b y"));
        assertEquals(List.of(1), SELECTOR.select(units, p, 1, false));
    }

    @Test
    void aUnitRepeatingChosenWordsLosesToANewOne() {
        Map<String, float[]> p = Map.of("a", sure(), "b", sure(), "c", sure(), "d", new float[] {0.6f, 0, 0},
                "e", new float[] {0.6f, 0, 0});
        List<BulletSelector.Candidate> units = List.of(unit("a b c"), unit("a b c"), unit("d e f"));
        assertEquals(List.of(0, 2), SELECTOR.select(units, p, 2, false));
    }

    @Test
    void aWordCountsAgainOnlyAsLikelyAsTheAbstractUsesItAgain() {
        Map<String, float[]> p = Map.of("a", new float[] {0.9f, 0.5f, 0.1f});
        assertEquals(0.9, BulletSelector.gain(unit("a"), p), 1e-6);
        assertEquals(1.5, BulletSelector.gain(unit("a a a a"), p), 1e-6, "clipped after three uses");
        assertEquals(0, BulletSelector.gain(unit("z"), p), 1e-6, "an unknown word brings nothing");
    }

    @Test
    void theLeadIsKeptWhenAskedAndTheChoiceIsInArticleOrder() {
        Map<String, float[]> p = Map.of("d", new float[] {0.8f, 0, 0}, "e", sure());
        List<BulletSelector.Candidate> units = List.of(unit("x y z"), unit("d"), unit("e"));
        assertEquals(List.of(1, 2), SELECTOR.select(units, p, 2, false));
        assertEquals(List.of(0, 2), SELECTOR.select(units, p, 2, true));
    }

    @Test
    void aUnitOpeningOnAPronounOnlyFollowsTheUnitBeforeIt() {
        Map<String, float[]> p = Map.of("a", sure(), "b", new float[] {0.5f, 0, 0}, "c", new float[] {0.9f, 0, 0},
                "d", new float[] {0.45f, 0, 0});
        List<BulletSelector.Candidate> units = List.of(unit("a"), unit("x x x x b"), unit("elle c"), unit("d"));
        assertEquals(List.of(0, 3), SELECTOR.select(units, p, 2, false), "'elle' without what it stands for");
        Map<String, float[]> q = Map.of("a", sure(), "b", sure(), "c", sure(), "d", sure(), "il", sure());
        List<BulletSelector.Candidate> chained = List.of(unit("z z z"), unit("a b"), unit("il c d"));
        assertEquals(List.of(1), SELECTOR.select(chained, q, 1, false), "the best unit alone needs its antecedent");
        assertEquals(List.of(1, 2), SELECTOR.select(chained, q, 2, false), "after its antecedent, it may come");
    }

    @Test
    void anImpersonalIlStandsForNothingAndStandsAlone() {
        Map<String, float[]> p = Map.of("morts", sure(), "blessés", sure());
        List<BulletSelector.Candidate> units = List.of(unit("le ciel était gris"), unit("il y a eu morts blessés"));
        assertEquals(List.of(1), SELECTOR.select(units, p, 1, false));
        assertEquals(List.of(1), SELECTOR.select(List.of(units.get(0), unit("il s agit morts blessés")), p, 1, false));
    }

    @Test
    void noLengthAtAllIsNoCrash() {
        BulletSelector none = new BulletSelector(0);
        List<BulletSelector.Candidate> units = List.of(BulletSelector.Candidate.of(List.of()), unit("a"), unit("b"));
        assertEquals(List.of(0, 1), none.select(units, Map.of("a", sure()), 2, true));
    }

    @Test
    void moreBulletsThanUnitsGivesEveryUnit() {
        Map<String, float[]> p = Map.of("a", sure());
        assertEquals(List.of(0, 1), SELECTOR.select(List.of(unit("a"), unit("b")), p, 7, false));
        assertEquals(List.of(), SELECTOR.select(List.of(), p, 3, true));
    }
}
