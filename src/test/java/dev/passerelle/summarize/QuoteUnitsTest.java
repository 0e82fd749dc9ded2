package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
