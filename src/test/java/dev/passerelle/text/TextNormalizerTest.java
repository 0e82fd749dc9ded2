package dev.passerelle.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void keepsFrenchTypography() {
        String text = "« Bonjour\u00A0! » C’est l’été\u00A0: venez\u00A0; vraiment\u00A0?";
        assertEquals(text, normalizer.normalize(text));
    }

    @Test
    void narrowNoBreakSpaceBecomesANoBreakSpace() {
        assertEquals("Vraiment\u00A0?", normalizer.normalize("Vraiment\u202F?"));
    }

    @Test
    void composesAccents() {
        assertEquals("été", normalizer.normalize("e\u0301te\u0301"));
    }

    @Test
    void dropsInvisiblesAndControlsAndCollapsesSpaces() {
        assertEquals("Le pré sident est là.", normalizer.normalize("\uFEFFLe  pré\u200B sident\u00AD\u0007 est\tlà.  "));
        assertEquals("a b", normalizer.normalize("a\u2003\u3000b"));
    }
}
