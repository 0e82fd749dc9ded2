package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.glossary.Glossary;
import dev.passerelle.glossary.GlossaryEntry;
import dev.passerelle.glossary.TermUse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline with a glossary on the test model: terms forced, reported, and nothing else changed. */
class GlossaryTranslationTest {

    private static final DecodeOptions GREEDY = new DecodeOptions(1, true, 2.0, 10);
    private static final DecodeOptions BEAM = new DecodeOptions(4, true, 2.0, 10);
    private static Translator translator;

    @BeforeAll
    static void load() {
        translator = Fixture.translator();
    }

    @AfterAll
    static void close() {
        translator.close();
    }

    private static Glossary glossary(String source, String target) {
        return new Glossary(List.of(new GlossaryEntry(source, target, false)));
    }

    private static SentenceTranslation one(String text, DecodeOptions options, Glossary glossary) {
        return translator.translate(List.of(text), options, Caller.UNBOUNDED, glossary).get(0).sentences().get(0);
    }

    @Test
    void aTermIsForcedAndReported() {
        for (DecodeOptions options : List.of(GREEDY, BEAM)) {
            SentenceTranslation s = one("La Russie est notre partenaire stratégique.", options, glossary("Russie", "China"));
            assertEquals("China is our strategic partner.", s.translation());
            assertEquals(List.of(new TermUse("Russie", "China", 3, 9, true, null)), s.terms());
        }
    }

    @Test
    void withoutAMatchingTermNothingChanges() {
        String text = "Le président est arrivé à Astana. Il pleut à Paris.";
        List<SentenceTranslation> plain = translator.translate(List.of(text), GREEDY).get(0).sentences();
        for (Glossary g : List.of(Glossary.EMPTY, glossary("Moscou", "Moscow"))) {
            List<SentenceTranslation> with = translator.translate(List.of(text), GREEDY, Caller.UNBOUNDED, g).get(0).sentences();
            assertEquals(plain.stream().map(SentenceTranslation::translation).toList(),
                    with.stream().map(SentenceTranslation::translation).toList());
            assertTrue(with.stream().allMatch(s -> s.terms().isEmpty()));
        }
    }

    @Test
    void theModelsOwnWordAsTermChangesNothing() {
        SentenceTranslation s = one("Le président est arrivé à Astana.", GREEDY, glossary("Astana", "Astana"));
        assertEquals("The president arrived in Astana.", s.translation());
        assertTrue(s.terms().get(0).applied());
    }

    @Test
    void aTermTheModelWritesItselfKeepsTheModelsSentenceEvenInANarrowBeam() {
        // "Paris" is three pieces: more banks than the two beams a greedy request with one term runs.
        SentenceTranslation s = one("Il pleut à Paris.", GREEDY, glossary("Paris", "Paris"));
        assertEquals("It is raining in Paris.", s.translation());
        assertTrue(s.terms().get(0).applied());
    }

    @Test
    void aTermThatCannotFitIsReportedNotDropped() {
        SentenceTranslation s = one("Oui.", GREEDY, glossary("Oui", "Kassym-Jomart Tokayev of the Republic of Kazakhstan"));
        assertEquals("Yes.", s.translation(), "a term that cannot fit is not forced in part");
        TermUse use = s.terms().get(0);
        assertFalse(use.applied());
        assertEquals(TermUse.LENGTH_CAP, use.reason());
        SentenceTranslation unknown = one("Il pleut à Paris.", GREEDY, glossary("Paris", "巴黎"));
        assertEquals("It is raining in Paris.", unknown.translation(), "a term the model cannot spell is not forced");
        assertEquals(TermUse.UNKNOWN_PIECES, unknown.terms().get(0).reason());
    }
}
