package dev.passerelle.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Markup found in the wild that a first version mishandled: each test is one finding of a review. */
class HostileMarkupTest extends OnTestModel {

    @Test
    void aTableRowSentAloneKeepsItsCells() {
        assertEquals("<tr><td>It is raining in Paris.</td><td>Thank you very much!</td></tr>",
                translate("<tr><td>Il pleut à Paris.</td><td>Merci beaucoup !</td></tr>"));
        assertEquals("<td>Thank you very much!</td>",
                translate("<td>Merci beaucoup !</td>"));
    }

    @Test
    void pagesAreKnownWithAByteOrderMarkOrWithoutTheirHtmlTag() {
        String bom = translate("\uFEFF<!DOCTYPE html><html lang=\"fr\"><head><title>Merci beaucoup !</title></head>"
                + "<body class=\"a\"><p>Il pleut à Paris.</p></body></html>");
        assertTrue(bom.contains("<html lang=\"en\">") && bom.contains("<body class=\"a\">"), bom);
        String bodyOnly = translate("<body class=\"article\"><p>Il pleut à Paris.</p></body>");
        assertTrue(bodyOnly.contains("<body class=\"article\"><p>It is raining in Paris.</p></body>"), bodyOnly);
    }

    @Test
    void anElementSqueezedByWordOrderStaysInItsSentence() {
        String out = translate("<p>Le Kazakhstan est un <b>allié</b> <i>important</i>. La France est un allié important.</p>");
        Element p = Jsoup.parseBodyFragment(out).selectFirst("p");
        assertEquals("Kazakhstan is an important ally. France is an important ally.", p.text(), out);
        assertFalse(p.selectFirst("i").text().contains("France"), out);
        assertTrue(out.endsWith(". France is an important ally.</p>"), out);
    }

    @Test
    void punctuationAndSpacesInElementsStillPartWordsAndSentences() {
        assertEquals("<p>Russia is our strategic partner<b>.</b> Kazakhstan is an important ally.</p>",
                translate("<p>La Russie est notre partenaire stratégique<b>.</b> Le Kazakhstan est un allié important.</p>"));
        assertEquals("The president arrived in Astana.", Jsoup.parseBodyFragment(
                translate("<p>Le président<span> </span>est arrivé à Astana.</p>")).text());
        assertEquals("<p>It is raining in <a href=\"/x\">Paris</a><a href=\"/y\">.</a></p>",
                translate("<p>Il pleut à <a href=\"/x\">Paris</a><a href=\"/y\">.</a></p>"));
    }

    @Test
    void anImageBetweenTwoSpacesKeepsBoth() {
        String img = "<img src=\"a.png\" alt=\"\">";
        String out = translate("<p>Le président " + img + " est arrivé à Astana.</p>");
        assertTrue(out.matches("<p>\\S[^<]* " + img + " \\S[^<]*</p>"), out);
        assertEquals("The president arrived in Astana.", Jsoup.parseBodyFragment(out).text(), out);
        String glued = translate("<p>Le président" + img + " est arrivé à Astana.</p>");
        assertFalse(glued.contains(" " + img + " "), "one space in French, one in English: " + glued);
    }

    @Test
    void anIconInALinkDoesNotCutTheSentence() {
        String svg = "<svg viewBox=\"0 0 1 1\"><path d=\"M0\"></path></svg>";
        assertEquals("<p>The president arrived in <a href=\"/x\">" + svg + "Astana</a>.</p>",
                translate("<p>Le président est arrivé à <a href=\"/x\">" + svg + "Astana</a>.</p>"));
    }

    @Test
    void aPageOrItsHeadMarkedNotToTranslateStaysFrench() {
        String page = "<!doctype html><html translate=\"no\" lang=\"fr\"><head><title>Merci beaucoup !</title></head>"
                + "<body><p>Il pleut à Paris.</p><p title=\"Merci beaucoup !\">Il pleut.</p></body></html>";
        assertFalse(HtmlPage.parse(page).hasText(), "nothing to translate: the service answers 400 saying so");
        String head = translate("<!doctype html><html lang=\"fr\"><head translate=\"no\"><title>Merci beaucoup !</title></head>"
                + "<body><p>Il pleut à Paris.</p></body></html>");
        assertTrue(head.contains("<title>Merci beaucoup !</title>") && head.contains("<p>It is raining in Paris.</p>"), head);
    }

    @Test
    void frenchLanguageAttributesBecomeEnglish() {
        assertEquals("<div lang=\"en\"><p>It is raining in Paris.</p></div><p lang=\"de\">Thank you very much!</p>",
                translate("<div lang=\"fr\"><p>Il pleut à Paris.</p></div><p lang=\"de\">Merci beaucoup !</p>"));
    }

    @Test
    void aBlankLineOpeningPreformattedTextStays() {
        String out = translate("<pre>\n\nligne</pre><p>Merci beaucoup !</p>");
        assertEquals("<pre>\n\nligne</pre><p>Thank you very much!</p>", out);
        assertEquals("\nligne", Jsoup.parseBodyFragment(out).selectFirst("pre").wholeText());
    }

    @Test
    void theDepthLimitCountsTheAuthorsElements() {
        String text = "Le président est arrivé.";
        HtmlPage.parse("<span>".repeat(HtmlPage.MAX_DEPTH) + text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HtmlPage.parse("<span>".repeat(HtmlPage.MAX_DEPTH + 1) + text));
        assertTrue(e.getMessage().startsWith("its elements nest " + (HtmlPage.MAX_DEPTH + 1) + " deep"), e.getMessage());
    }
}
