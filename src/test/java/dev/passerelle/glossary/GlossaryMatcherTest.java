package dev.passerelle.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole words, case by default ignored, accents significant, elisions, longest match first. */
class GlossaryMatcherTest {

    private final GlossaryMatcher matcher = new GlossaryMatcher();

    private List<String> found(String sentence, GlossaryEntry... entries) {
        return matcher.find(sentence, new Glossary(List.of(entries))).stream()
                .map(m -> sentence.substring(m.span().start(), m.span().end()) + "=" + m.entry().target()).toList();
    }

    @Test
    void wholeWordsOnly() {
        assertEquals(List.of("OCS=SCO"), found("Le sommet de l'OCS s'ouvre.", new GlossaryEntry("OCS", "SCO", false)));
        assertEquals(List.of(), found("Les OCSE et NOCS.", new GlossaryEntry("OCS", "SCO", false)));
        assertEquals(List.of("Astana=Nur-Sultan"), found("Arrivée d’Astana.", new GlossaryEntry("Astana", "Nur-Sultan", false)));
    }

    @Test
    void caseIgnoredUnlessExactAccentsAlwaysCount() {
        assertEquals(List.of("élysée=the Elysee"), found("Vu de l'élysée.", new GlossaryEntry("Élysée", "the Elysee", false)));
        assertEquals(List.of(), found("Vu de l'élysée.", new GlossaryEntry("Élysée", "the Elysee", true)));
        assertEquals(List.of(), found("Vu de l'Elysee.", new GlossaryEntry("Élysée", "the Elysee", false)));
    }

    @Test
    void theLongestMatchWinsAndEveryOccurrenceCounts() {
        GlossaryEntry short1 = new GlossaryEntry("Organisation", "Organisation", false);
        GlossaryEntry longer = new GlossaryEntry("Organisation de coopération de Shanghai", "Shanghai Cooperation Organisation", false);
        assertEquals(List.of("Organisation de coopération de Shanghai=Shanghai Cooperation Organisation", "organisation=Organisation"),
                found("L'Organisation de coopération de Shanghai est une organisation.", short1, longer));
        assertEquals(List.of("OCS=SCO", "OCS=SCO"), found("OCS, encore l'OCS.", new GlossaryEntry("OCS", "SCO", false)));
    }

    @Test
    void anySpaceMatchesAnyAndEntriesAreComposed() {
        assertEquals(List.of("21\u00a0mai=21 May"), found("Le 21\u00a0mai.", new GlossaryEntry("21 mai", "21 May", false)));
        assertEquals(List.of("21\u202fmai=21 May"), found("Le 21\u202fmai.", new GlossaryEntry("21 mai", "21 May", true)));
        assertEquals(List.of("président=head of state"),
                found("Le président.", new GlossaryEntry("pre\u0301sident", "head of state", false)));
        // A text sent decomposed is matched composed; the span is in the text as sent.
        String nfd = "Le pre\u0301sident est arrive\u0301.";
        List<TermMatch> m = matcher.find(nfd, new Glossary(List.of(new GlossaryEntry("président", "leader", false))));
        assertEquals("pre\u0301sident", nfd.substring(m.get(0).span().start(), m.get(0).span().end()));
    }

    @Test
    void aRepeatedEntryIsKeptOnceTheFirst() {
        GlossaryEntry[] many = new GlossaryEntry[5000];
        java.util.Arrays.fill(many, new GlossaryEntry("de", "of", false));
        many[0] = new GlossaryEntry("de", "from", false);
        assertEquals(List.of("de=from", "de=from"), found("Un de plus, de moins.", many));
    }

    @Test
    void entriesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry(" ", "x", false));
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry("x", "", false));
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry("...", "x", false));
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry("x".repeat(201), "x", false));
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry("Russie", "Chi\nna", false));
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry("Russie", "\u202eChina", false));
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry("Russie", "Chi\u0000na", false));
        assertThrows(IllegalArgumentException.class, () -> new GlossaryEntry("Russie", "Chi\udc00na", false));
        assertEquals(new GlossaryEntry("Kazinform", "Kazinform", true), GlossaryEntry.keep("Kazinform"));
    }
}
