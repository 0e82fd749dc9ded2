package dev.passerelle.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** OpenNLP's detector as Passerelle reads it: ranked, named, the same answer on every thread. */
class OpenNlpLanguageDetectorTest {

    private final OpenNlpLanguageDetector detector = new OpenNlpLanguageDetector(10_000);

    @Test
    void ranksEveryLanguageBestFirstWithNames() {
        List<DetectedLanguage> ranked = detector.rank(LanguageGateTest.GERMAN);
        assertTrue(ranked.size() > 100, "the model knows 103 languages: " + ranked.size());
        assertEquals(new DetectedLanguage("deu", "German", ranked.get(0).confidence()), ranked.get(0));
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).confidence() >= ranked.get(i).confidence(), "sorted at " + i);
        }
        assertEquals(1.0, ranked.stream().mapToDouble(DetectedLanguage::confidence).sum(), 1e-6);
    }

    @Test
    void namesAndTags() {
        assertEquals("French", LanguageNames.name("fra"));
        assertEquals("fr", LanguageNames.tag("fra"));
        assertEquals("Spanish", LanguageNames.name("spa"));
        assertEquals("Mandarin Chinese", LanguageNames.name("cmn"));
        assertEquals("cmn", LanguageNames.tag("cmn"), "no two-letter code: the three-letter one");
        assertEquals("xyz", LanguageNames.name("xyz"), "unknown: the code itself");
    }

    @Test
    void theSharedModelGivesEveryThreadTheSameAnswer() throws Exception {
        List<String> texts = List.of(LanguageGateTest.FRENCH, LanguageGateTest.ENGLISH, LanguageGateTest.GERMAN,
                LanguageGateTest.SPANISH);
        List<String> expected = texts.stream().map(t -> detector.rank(t).get(0).code()).toList();
        assertEquals(List.of("fra", "eng", "deu", "spa"), expected);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String t = texts.get(i % 4);
                answers.add(pool.submit(() -> new OpenNlpLanguageDetector(10_000).rank(t).get(0).code()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(expected.get(i % 4), answers.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
