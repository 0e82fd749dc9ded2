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
    void theHtmlSampleGivesTheContentOfTheTextSampleLeadFirst() {
        Article article = ArticleExtractor.extract(Fixture.sampleHtml());
        assertEquals("Le Kazakhstan réaffirme que la Russie est un allié important", article.title());
        List<String> fromHtml = BoilerplateFilterTest.SENTENCES.split(article.body()).segments().stream()
                .map(Segment::text).toList();
        List<String> fromText = new BoilerplateFilter().content(BoilerplateFilterTest.SENTENCES.split(Fixture.sampleText()))
                .stream().map(Segment::text).toList();
        // The page's caption, credit, byline, source link and comments go with the extraction: what is
        // left is exactly what the filter keeps of the text sample, the lead first.
        assertEquals(fromText, fromHtml);
        assertTrue(fromHtml.get(0).startsWith("Le Kazakhstan dialogue avec la Russie"));
        assertTrue(fromHtml.get(fromHtml.size() - 1).startsWith("Elle compte également trois observateurs"));
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
                + "<div>Le premier paragraphe de l'article est ici.</div><p>Le deuxième paragraphe<br>suit sur une"
                + " autre ligne.</p><ul><li>Un point de la liste qui compte.</li></ul></body></html>");
        assertEquals("Titre", a.title());
        assertEquals(List.of("Le premier paragraphe de l'article est ici.", "Le deuxième paragraphe",
                "suit sur une autre ligne.", "Un point de la liste qui compte."), a.paragraphs());
        assertTrue(a.withTitle().startsWith("Titre\n\n"));
    }

    @Test
    void aPageWithoutProseKeepsItsTextButNotItsCertainFurniture() {
        Article a = ArticleExtractor.extract("<p>Merci beaucoup !</p><p>Bonjour</p><p>© AFP</p>");
        assertEquals(List.of("Merci beaucoup !", "Bonjour"), a.paragraphs());
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
        bold.append("Le ministre est arrivé à Paris.").append("</b>".repeat(4_000)).append("</p><p>La visite a duré deux jours.</p>");
        assertEquals("Le ministre est arrivé à Paris.\nLa visite a duré deux jours.",
                ArticleExtractor.extract(bold.toString()).body());
    }

    private static final String PROSE = "<p>Le conseil municipal a voté hier soir la rénovation complète de "
            + "l'école du quartier, après deux ans de débats entre les élus et les parents d'élèves.</p>";

    @Test
    void aHiddenOrAsideHeadlineIsNeverTheTitle() {
        Article hidden = ArticleExtractor.extract("<article><div hidden><h1>Acceptez les cookies</h1></div>"
                + "<h1>Vrai titre</h1>" + PROSE + "</article>");
        assertEquals("Vrai titre", hidden.title());
        Article aside = ArticleExtractor.extract("<body><aside><h1>Les plus lus</h1></aside><div>" + PROSE
                + "</div></body>");
        assertFalse(aside.title().contains("Les plus lus"), aside.title());
    }

    @Test
    void aClassMerelyContainingAFurnitureNameKeepsItsText() {
        String page = "<main><h1>Titre</h1><div class='chapo has-comments'>" + PROSE
                + "</div><div class='related-articles'><p>Un autre article sans rapport avec le sujet du jour.</p></div></main>";
        assertTrue(ArticleExtractor.extract(page).body().contains("Le conseil municipal"));
        // Without Readability (which drops class names), the class rule decides: whole names only.
        Article own = ArticleExtractor.extract(page, false);
        assertTrue(own.body().contains("Le conseil municipal"), own.body());
        assertFalse(own.body().contains("Un autre article"), own.body());
    }

    @Test
    void formatCharactersAloneAreNoParagraph() {
        Article a = ArticleExtractor.extract("\ufeff<p>\u200b</p>" + PROSE);
        assertFalse(a.body().contains("\ufeff") || a.body().contains("\u200b"), a.body());
        assertTrue(a.body().startsWith("Le conseil municipal"), a.body());
    }
}
