package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.clean.ArticleExtractor;
import dev.passerelle.clean.BoilerplateFilter;
import dev.passerelle.text.DocumentSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizerTest {

    private static final DocumentSplitter SENTENCES = DocumentSplitter.sentencesOnly();
    private static final LexicalSimilarity LEXICAL = new LexicalSimilarity();

    static List<Unit> units(String text) {
        return QuoteUnits.group(new BoilerplateFilter().content(SENTENCES.split(text)));
    }

    private static Summary summarize(String text, Integer k) {
        Summarizer s = new Summarizer(LEXICAL, SummarizerSettings.DEFAULT);
        List<Unit> units = units(text);
        return s.summarize(units, k != null ? k : s.settings().defaultBullets(units.size()));
    }

    @Test
    void quotesStayWhole() {
        List<Unit> units = units(Fixture.sampleText());
        Unit phone = units.stream().filter(u -> u.text().startsWith("« Il y a quelques jours")).findFirst().orElseThrow();
        assertEquals(3, phone.segments().size());
        assertTrue(phone.text().endsWith("a déclaré M. Tokaïev."), phone.text());
        assertTrue(units.stream().allMatch(u -> QuoteUnits.opened(u.text()) == 0), "no unit leaves a quote open");
    }

    @Test
    void defaultDigestOfTheSampleKeepsTheLeadAndArticleOrder() {
        Summary s = summarize(Fixture.sampleText(), null);
        int k = s.chosen().size();
        assertTrue(k >= 3 && k <= 7, "bullets: " + k);
        assertTrue(s.chosen().get(0).text().startsWith("Le Kazakhstan dialogue avec la Russie"));
        for (int i = 1; i < k; i++) {
            assertTrue(s.chosen().get(i).index() > s.chosen().get(i - 1).index(), "article order");
        }
    }

    @Test
    void noTwoBulletsSayTheSameThing() {
        String text = "Le président est arrivé à Astana pour le sommet de l'OCS.\n"
                + "Le président est arrivé à Astana pour le sommet de l'OCS mardi.\n"
                + "Les échanges bilatéraux atteignent 27 milliards de dollars.\n"
                + "La coopération en matière d'investissement est en plein essor.";
        Summary s = summarize(text, 3);
        assertEquals(3, s.chosen().size());
        assertTrue(s.chosen().stream().noneMatch(u -> u.text().endsWith("mardi.")), s.chosen()::toString);
    }

    @Test
    void askedCountsAndShortArticles() {
        assertEquals(1, summarize(Fixture.sampleText(), 1).chosen().size());
        assertEquals(6, summarize(Fixture.sampleText(), 6).chosen().size());
        assertEquals(1, summarize("Le président est arrivé à Astana mardi soir.", 5).chosen().size());
        assertEquals(0, summarize("Comment (0)\nPhoto : AFP\nhttps://example.com", 3).chosen().size());
    }

    @Test
    void deterministic() {
        assertEquals(summarize(Fixture.sampleText(), 4).chosen(), summarize(Fixture.sampleText(), 4).chosen());
    }

    @Test
    void htmlAndTextSamplesGiveTheSameDigest() {
        String body = ArticleExtractor.extract(Fixture.sampleHtml()).body();
        assertEquals(summarize(Fixture.sampleText(), null).chosen().stream().map(Unit::text).toList(),
                summarize(body, null).chosen().stream().map(Unit::text).toList());
    }

    @Test
    void lexRankFavoursTheSentenceLinkedToTheOthers() {
        double[][] sim = {{1, 0.5, 0.5}, {0.5, 1, 0}, {0.5, 0, 1}};
        double[] c = LexRank.centrality(sim);
        assertTrue(c[0] > c[1] && c[0] > c[2]);
        assertEquals(1.0, c[0] + c[1] + c[2], 1e-9);
    }

    @Test
    void lexicalSimilarityUsesFrenchStemsAndStopWords() {
        List<String> terms = LEXICAL.terms("Les accords de l'Organisation ont été signés");
        assertEquals(LEXICAL.terms("accord organisations signé"), List.of(terms.get(0), terms.get(1), terms.get(3)));
        assertTrue(!terms.contains("les") && !terms.contains("de") && !terms.contains("l"), terms::toString);
        double[][] m = LEXICAL.matrix(List.of("Les accords ont été signés.", "L'accord est signé.", "Il pleut à Paris."));
        assertTrue(m[0][1] > m[0][2]);
    }

    @Test
    void markdownEscapesLineStartsThatWouldChangeTheList() {
        assertEquals("- First.\n- \\# not a heading\n- \\1. not a number", Markdown.list(List.of("First.", "# not a heading", "1. not a number")));
    }
}
