package dev.passerelle.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.passerelle.text.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each clue of the aligner alone, on sentences whose right answer is plain. */
class LexicalAlignerTest {

    private static final LexicalAligner ALIGNER = new LexicalAligner();

    private static String place(String french, String part, String english, String alone) {
        int at = french.indexOf(part);
        return ALIGNER.align(french, new Span(at, at + part.length()), english, alone).of(english);
    }

    @Test
    void namesAndNumbersAreFoundAsWritten() {
        assertEquals("Astana", place("Le président est arrivé à Astana.", "Astana", "The president arrived in Astana.", null));
        assertEquals("27", place("Le chiffre est de 27 milliards.", "27", "The figure is 27 billion.", null));
        assertEquals("Elysee", place("Il a quitté l'Élysée hier.", "Élysée", "He left the Elysee yesterday.", null));
    }

    @Test
    void wordsSpeltAlikeAreFoundByTheirLetters() {
        assertEquals("strategic", place("C'est un partenaire stratégique.", "stratégique", "It is a strategic partner.", null));
    }

    @Test
    void aPartsOwnTranslationIsFoundInTheSentences() {
        assertEquals("very much", place("Merci beaucoup !", "beaucoup", "Thank you very much!", "Very much."));
        assertEquals("sofa", place("Le chat dort sur le canapé.", "canapé", "The cat is sleeping on the sofa.", "Sofa"));
        // Alone, a part may come out in another form: the closest window of letters still finds it.
        assertEquals("the rise in unemployment", place("Il craint la hausse du chômage cette année.", "la hausse du chômage",
                "He fears the rise in unemployment this year.", "The rise of unemployment"));
    }

    @Test
    void aPartComeBackAsTheWholeSentenceIsNoClue() {
        // A model that only knows whole sentences answers a part with one: that says nothing of where the part is.
        assertEquals("our strategic partner", place("La Russie est notre partenaire stratégique.", "notre partenaire stratégique",
                "Russia is our strategic partner.", "Russia is our strategic partner."));
    }

    @Test
    void withoutAnyClueThePartKeepsItsRelativePlace() {
        LexicalAligner positionOnly = new LexicalAligner(List.of());
        int at = "Les prix ont augmenté cette année.".indexOf("augmenté");
        assertEquals("rose this", positionOnly.align("Les prix ont augmenté cette année.", new Span(at, at + 8),
                "Prices rose this year.", "increased").of("Prices rose this year."));
    }

    @Test
    void aWholeSentenceMapsToTheWholeTranslation() {
        String french = "Merci beaucoup !";
        assertEquals("Thank you very much!", ALIGNER.align(french, new Span(0, french.length()), "Thank you very much!", null)
                .of("Thank you very much!"));
    }
}
