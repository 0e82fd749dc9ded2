package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.text.DocumentSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteUnitsTest {

    private static List<String> units(String text) {
        return QuoteUnits.group(DocumentSplitter.sentencesOnly().split(text).segments()).stream().map(Unit::text)
                .toList();
    }

    @Test
    void aStraightQuoteOverSentencesStaysWhole() {
        List<String> units = units("Le ministre a parlé hier soir. \"Nous ne céderons pas. La réforme ira à son terme."
                + " Elle est juste\", a-t-il déclaré. Les syndicats appellent à la grève.");
        assertEquals(List.of("Le ministre a parlé hier soir.",
                "\"Nous ne céderons pas. La réforme ira à son terme. Elle est juste\", a-t-il déclaré.",
                "Les syndicats appellent à la grève."), units);
    }

    @Test
    void guillemetsOverSentencesStayWhole() {
        List<String> units = units("« Nous ne céderons pas. La réforme ira à son terme », a-t-il dit. La suite demain.");
        assertEquals(List.of("« Nous ne céderons pas. La réforme ira à son terme », a-t-il dit.", "La suite demain."),
                units);
    }

    @Test
    void closedStraightQuotesJoinNothing() {
        List<String> units = units("Il parle d'un \"choc\" pour le pays. La suite demain. Rien de plus.");
        assertEquals(3, units.size(), units.toString());
    }

    @Test
    void aQuoteNeverRunsPastItsParagraph() {
        List<String> units = units("Il a dit : \"Nous verrons.\nLa séance est levée. Fin.");
        assertEquals(3, units.size(), units.toString());
    }

    @Test
    void aStrayMarkDoesNotSwallowTheParagraph() {
        StringBuilder text = new StringBuilder("Il est tombé 5\" de pluie hier soir.");
        for (int i = 0; i < 300; i++) {
            text.append(" Le conseil numéro ").append(i).append(" a voté la mesure.");
        }
        List<String> units = units(text.toString());
        assertTrue(units.size() > 40, units.size() + " units");
        assertTrue(units.stream().allMatch(u -> u.length() <= QuoteUnits.MAX_CHARS + 200), "no giant unit");
        List<String> guillemet = units("Il a cité « un texte." + " La suite du discours est longue.".repeat(50));
        assertTrue(guillemet.size() > 5, guillemet.size() + " units");
    }
}
