package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.text.Document;
import dev.passerelle.text.DocumentSplitter;
import dev.passerelle.text.Segment;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.SentenceTranslation;
import java.util.ArrayList;
import dev.passerelle.model.OnnxOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest segments its text once and translates exactly those segments, each once. */
class DigestServiceTest {

    private static final DecodeOptions GREEDY = new DecodeOptions(1, true, 2.0, 10);

    /** Translates a segment as "EN(" + its French + ")", and records every call. */
    private static final class Recording implements SegmentTranslator {
        final DocumentSplitter splitter = DocumentSplitter.sentencesOnly();
        final List<Document> segmented = new ArrayList<>();
        final List<List<Segment>> translated = new ArrayList<>();

        @Override
        public Document segment(String text) {
            Document d = splitter.split(text);
            segmented.add(d);
            return d;
        }

        @Override
        public List<SentenceTranslation> translate(List<Segment> segments, DecodeOptions options) {
            translated.add(segments);
            return segments.stream().map(s -> new SentenceTranslation(s.index(), s.paragraph(), s.span(), s.text(),
                    "EN(" + s.text() + ")", -0.1, FinishReason.EOS, false)).toList();
        }

        @Override
        public float[][] embed(List<String> texts) {
            throw new AssertionError("lexical vectors need no encoder");
        }
    }

    private static final DigestService SERVICE = new DigestService(new DigestConfigDefaults(), OnnxOptions.DEFAULT);

    @Test
    void theDigestSegmentsOnceAndTranslatesThoseSegmentsOnce() {
        Recording translator = new Recording();
        Digest d = SERVICE.digestWithTranslation(translator, Fixture.sampleText(), "", 3, GREEDY);
        assertEquals(1, translator.segmented.size(), "one segmentation");
        assertEquals(1, translator.translated.size(), "one translation call");
        Document doc = translator.segmented.get(0);
        assertTrue(translator.translated.get(0) == doc.segments() || translator.translated.get(0).equals(doc.segments()),
                "the segments translated are the segments planned on");
        assertEquals(3, d.bullets().size());
        for (Bullet b : d.bullets()) {
            // A bullet is its unit's segments' translations, joined: no re-matching of spans.
            assertTrue(b.text().startsWith("EN(") && b.text().contains(b.source().substring(0, 20)), b.text());
        }
        assertTrue(d.translation().startsWith("EN(" + doc.segments().get(0).text() + ")"), d.translation());
    }

    @Test
    void englishBulletsTranslateOnlyTheChosenSegments() {
        Recording translator = new Recording();
        Digest d = SERVICE.summarize(translator, Fixture.sampleText(), "", 2, Language.EN, GREEDY);
        assertEquals(1, translator.segmented.size());
        int chosenSegments = d.bullets().size();
        assertTrue(translator.translated.get(0).size() >= chosenSegments
                && translator.translated.get(0).size() < translator.segmented.get(0).segments().size(),
                "only the chosen units' segments are translated");
        assertEquals(2, d.bullets().size());
    }

    @Test
    void frenchBulletsNeedNoTranslation() {
        Recording translator = new Recording();
        Digest d = SERVICE.summarize(translator, Fixture.sampleText(), "", 2, Language.FR, null);
        assertTrue(translator.translated.isEmpty());
        assertEquals(d.bullets().get(0).source(), d.bullets().get(0).text());
    }
}
