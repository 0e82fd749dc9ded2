package dev.passerelle.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate on the real OpenNLP model with the shipped thresholds. */
class LanguageGateTest {

    static final String ENGLISH = "The city council approved a new budget on Tuesday after months of debate over "
            + "school funding. Officials said the plan would raise property taxes by two percent for most homeowners. "
            + "The mayor called the vote a turning point for the region's struggling public schools.";
    static final String GERMAN = "Die Bundesregierung hat am Dienstag einen neuen Haushalt beschlossen, der höhere "
            + "Ausgaben für Bildung vorsieht. Der Bürgermeister sagte, die Entscheidung sei ein Wendepunkt für die Schulen.";
    static final String SPANISH = "El ayuntamiento aprobó el martes un nuevo presupuesto después de meses de debate "
            + "sobre la financiación de las escuelas. El alcalde dijo que la votación marca un punto de inflexión.";
    static final String FRENCH = "Le Kazakhstan dialogue avec la Russie sur la base du caractère stratégique et amical "
            + "des relations entre les deux pays, a déclaré le président kazakh Kassym-Jomart Tokaïev.";
    /** An English sentence as a French article would quote it. */
    static final String QUOTE = "The trial is expected to last several weeks and more than fifty witnesses will be called.";

    private final LanguageGate gate = new LanguageGate(new OpenNlpLanguageDetector(10_000), Thresholds.WHOLE,
            Thresholds.SENTENCE, true);

    @Test
    void frenchIsTranslated() {
        Verdict v = gate.ofText(FRENCH);
        assertEquals(Verdict.Kind.FRENCH, v.kind());
        assertEquals("fra", v.detected().code());
        assertEquals("fr", v.tag());
        assertEquals(Verdict.Kind.FRENCH, gate.ofText(Fixture.sampleText()).kind(), "the sample article");
    }

    @Test
    void englishPassesThrough() {
        Verdict v = gate.ofText(ENGLISH);
        assertEquals(Verdict.Kind.ENGLISH, v.kind());
        assertEquals("English", v.detected().name());
        assertEquals("en", v.tag());
        assertTrue(gate.isEnglishSentence(QUOTE), "a long English sentence is English at the stricter level too");
    }

    @Test
    void germanAndSpanishAreRefusedByName() {
        UnsupportedLanguageException de = assertThrows(UnsupportedLanguageException.class,
                () -> gate.require(GERMAN, "The text"));
        assertEquals("The text is in German (deu); Passerelle translates French, and English passes through unchanged",
                de.getMessage());
        assertEquals("de", de.detected().tag());
        Verdict es = gate.ofText(SPANISH);
        assertEquals(Verdict.Kind.OTHER, es.kind());
        assertEquals("Spanish", es.detected().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bonjour", "Bonjour.", "Merci beaucoup !", "Paris", "Emmanuel Macron", "2024", "42", "OK",
            "Photo : AFP", "Comment (0)", "Netflix", "COVID-19", "Hello", "Thank you", "Hello world", "Guten Tag",
            "Kassym-Jomart Tokaïev", "Oui.", "Non.", "Danke schön", "¡Hola!", "", "   ", "1 2 3 4 5 6 7 8 9 10",
            "Donaudampfschifffahrtsgesellschaftskapitän", "Maria Fernanda Rodríguez González", "Hans-Dietrich Genscher",
            "Frank-Walter Steinmeier, Bundespräsident", "Real Madrid CF", "Manchester United Football Club",
            "Sergueï Lavrov, Vladimir Poutine, Kassym-Jomart Tokaïev", "https://www.kazpravda.kz/en/news/politics",
            "Photo : Kremlin.ru", "Minh Duc (Selon TASS, Kazinform)", "Comment (0)", "Breaking news", "Netflix and chill",
            "Oktoberfest", "Gesundheit", "Weltanschauung"})
    void shortOrAmbiguousInputIsFrench(String text) {
        // Never refused, never passed through: the model gets it, as before detection existed.
        assertEquals(Verdict.Kind.FRENCH, gate.require(text, "The text").kind(), text);
        assertFalse(gate.isEnglishSentence(text), text);
    }

    @Test
    void frenchSentencesWithEnglishNamesStayFrench() {
        // Titles and sentences of OrangeSum the detector ranks English or close to it (README, "Languages").
        for (String s : List.of("Climat : Donald Trump se moque de Greta Thunberg sur Twitter",
                "2019: Brad Pitt, Meryl Streep ou Joaquin Phoenix en vedette sur le Lido.",
                "DALS : on vous dit tout sur Le Grand Show !", "Tom Hanks ou Bill Murray ?",
                "Sa filmographie comptait également les films Le Complexe du Castor, de Jodie Foster, Only Lovers "
                        + "Left Alive, de Jim Jarmusch.", "On appelle cela des \"creepwares\".")) {
            assertEquals(Verdict.Kind.FRENCH, gate.ofText(s).kind(), s);
            assertFalse(gate.isEnglishSentence(s), s);
        }
    }

    @Test
    void aFrenchArticleQuotingEnglishIsFrenchAsAWhole() {
        String mixed = FRENCH + " « " + QUOTE + " », a-t-il ajouté. " + FRENCH;
        assertEquals(Verdict.Kind.FRENCH, gate.ofText(mixed).kind());
        assertFalse(gate.isEnglishSentence(FRENCH));
    }

    @Test
    void switchedOffEverythingIsFrench() {
        LanguageGate off = new LanguageGate(new OpenNlpLanguageDetector(10_000), Thresholds.WHOLE, Thresholds.SENTENCE,
                false);
        assertEquals(Verdict.Kind.FRENCH, off.require(GERMAN, "The text").kind());
        assertFalse(off.isEnglishSentence(QUOTE));
    }

    @Test
    void onlyTheStartOfALongTextIsRead() {
        // 200 characters of German then English: a detector reading 100 sees German only.
        LanguageGate prefix = new LanguageGate(new OpenNlpLanguageDetector(100), Thresholds.WHOLE, Thresholds.SENTENCE,
                true);
        assertEquals(Verdict.Kind.OTHER, prefix.ofText(GERMAN + " " + ENGLISH + " " + ENGLISH).kind());
    }

    @Test
    void aLongTextIsEnglishOnlyWhenAllItsThirdsAre() {
        String english = (ENGLISH + " ").repeat(10_100 / ENGLISH.length() + 1);
        String french = (FRENCH + " ").repeat(30_000 / FRENCH.length() + 1);
        assertEquals(Verdict.Kind.FRENCH, gate.ofText(english + "\n" + french).kind(), "mostly French");
        assertEquals(Verdict.Kind.ENGLISH, gate.ofText(english + english + english).kind());
        assertEquals(Verdict.Kind.OTHER, gate.ofText((GERMAN + " ").repeat(40_000 / GERMAN.length())).kind());
    }
}
