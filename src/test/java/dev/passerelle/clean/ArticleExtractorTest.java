package dev.passerelle.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.text.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    @Test
    void theHtmlSampleGivesTheSentencesOfTheTextSample() {
        Article article = ArticleExtractor.extract(Fixture.sampleHtml());
        assertEquals("Le Kazakhstan réaffirme que la Russie est un allié important", article.title());
        List<String> fromHtml = BoilerplateFilterTest.SENTENCES.split(article.body()).segments().stream()
                .map(Segment::text).toList();
        List<String> fromText = BoilerplateFilterTest.SENTENCES.split(Fixture.sampleText()).segments().stream()
                .map(Segment::text).filter(s -> !s.equals("Comment (0)")).toList();
        // The comments block is page furniture and goes with the extraction; everything else matches.
        assertEquals(fromText, fromHtml);
    }

    @Test
    void dropsScriptsNavigationRelatedLinksAndFooters() {
        String body = ArticleExtractor.extract(Fixture.sampleHtml()).body();
        for (String gone : List.of("dataLayer", "Accueil", "S'abonner", "Partager", "À lire aussi",
                "Sommet de l'OCS", "Tous droits réservés", "Publicité", "Envoyer", "font-family")) {
            assertFalse(body.contains(gone), gone);
        }
    }

    @Test
    void withoutArticleOrMainTheBodyIsUsedAndTheTitleTagNamesIt() {
        Article a = ArticleExtractor.extract("<html><head><title>Titre</title></head><body>"
                + "<div>Premier paragraphe.</div><p>Deuxième<br>ligne.</p><ul><li>Un point</li></ul></body></html>");
        assertEquals("Titre", a.title());
        assertEquals("Premier paragraphe.\nDeuxième\nligne.\nUn point", a.body());
        assertTrue(a.withTitle().startsWith("Titre\n\n"));
    }

    @Test
    void deeplyNestedPagesAreWalkedWithoutRecursion() {
        // 19,000 nested blocks and 4,000 nested inline elements: a recursive walk overflowed the stack.
        String divs = "<div>".repeat(19_000) + "Le président est arrivé." + "</div>".repeat(19_000);
        assertEquals("Le président est arrivé.", ArticleExtractor.extract("<html><body>" + divs + "</body></html>").body());
        StringBuilder bold = new StringBuilder("<p>");
        for (int i = 0; i < 4_000; i++) {
            bold.append("<b x=").append(i).append('>');
        }
        bold.append("Merci beaucoup !").append("</b>".repeat(4_000)).append("</p><p>Fin.</p>");
        assertEquals("Merci beaucoup !\nFin.", ArticleExtractor.extract(bold.toString()).body());
    }
}
