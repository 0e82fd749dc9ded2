package dev.passerelle.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSplitterTest {

    private static final OpenNlpSentenceSplitter SENTENCES = new OpenNlpSentenceSplitter();

    /** Counts words as tokens: enough to exercise the clause limit without a model. */
    private static DocumentSplitter splitter(int maxTokens) {
        return new DocumentSplitter(SENTENCES, new ClauseSplitter(s -> s.split("\\s+").length, maxTokens));
    }

    @Test
    void splitsTheSampleArticleIntoItsSentences() {
        String text = Fixture.sampleText();
        Document doc = splitter(200).split(text);
        List<String> sentences = doc.segments().stream().map(Segment::text).toList();
        assertEquals(text.substring(0, text.indexOf(".") + 1), sentences.get(0));
        assertTrue(sentences.contains("Le Kazakhstan assure la présidence tournante de l'OCS de juillet 2023 à juillet 2024."),
                () -> String.join("\n", sentences));
        // The quote paragraph with three sentences is cut into three.
        assertTrue(sentences.contains("Nous avons également échangé nos points de vue sur le développement de la coopération entre nos pays."),
                () -> String.join("\n", sentences));
        // "M. Tokaïev" does not end a sentence.
        assertTrue(sentences.stream().anyMatch(s -> s.endsWith("a déclaré M. Tokaïev.")), () -> String.join("\n", sentences));
        assertEquals("Comment (0)", sentences.get(sentences.size() - 1));
        // 15 non-blank lines, each its own paragraph.
        assertEquals(15, doc.paragraphs());
    }

    @Test
    void everySpanPointsAtItsTextInTheInput() {
        String text = Fixture.sampleText();
        for (Segment s : splitter(200).split(text).segments()) {
            assertEquals(s.text(), s.span().of(text));
            assertEquals(s.text(), s.text().strip());
        }
    }

    @Test
    void longSentencesAreCutAtClauseBoundaries() {
        String text = "Le président est arrivé à Astana, la capitale, le 20 mai ; il a rencontré le ministre, "
                + "puis il a signé des accords importants et il est reparti le soir même.";
        List<Segment> pieces = splitter(12).split(text).segments();
        assertTrue(pieces.size() >= 2, pieces::toString);
        for (Segment s : pieces) {
            assertTrue(s.text().split("\\s+").length <= 12, s.text());
            assertEquals(s.text(), s.span().of(text));
        }
        assertTrue(pieces.get(0).text().endsWith(";") || pieces.get(0).text().endsWith(","), pieces.get(0).text());
        // Nothing is lost: the pieces cover every word in order.
        assertEquals(text.replaceAll("\\s+", ""), pieces.stream().map(Segment::text).reduce("", String::concat).replaceAll("\\s+", ""));
    }

    @Test
    void aWordLongerThanTheLimitIsStillCut() {
        String word = "a".repeat(50);
        List<Segment> pieces = new DocumentSplitter(SENTENCES, new ClauseSplitter(String::length, 20)).split(word).segments();
        assertTrue(pieces.size() >= 3);
        assertEquals(word, pieces.stream().map(Segment::text).reduce("", String::concat));
    }

    @Test
    void paragraphBreaksSurviveReassembly() {
        String text = "  Premier paragraphe. Deuxième phrase.\r\n\r\n\r\nDeuxième paragraphe.\nTroisième.  \n";
        Document doc = splitter(200).split(text);
        assertEquals(3, doc.paragraphs());
        assertEquals(4, doc.segments().size());
        String out = doc.assemble(List.of("First paragraph.", "Second sentence.", "Second paragraph.", "Third."));
        assertEquals("First paragraph. Second sentence.\n\nSecond paragraph.\nThird.", out);
    }

    @Test
    void blankTextHasNoSegments() {
        assertTrue(splitter(200).split(" \n\t \n").segments().isEmpty());
    }

    @Test
    void aLineOfFormatCharactersIsNoParagraph() {
        Document doc = DocumentSplitter.sentencesOnly().split("\u200b\nLe chat dort dans la maison.\n\u00ad\ufeff");
        assertEquals(List.of("Le chat dort dans la maison."), doc.segments().stream().map(Segment::text).toList());
    }
}
