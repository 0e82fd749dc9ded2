package dev.passerelle.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** HTML in, HTML out, on the test model's known sentences (whose translations are known exactly). */
class HtmlTranslatorTest extends OnTestModel {

    private static void sameShape(String in, String out) {
        assertEquals(shape(in), shape(out), out);
    }

    @Test
    void inlineElementsWrapTheWordsThatTranslateTheirWords() {
        String in = "<p>Le <em>président</em> est arrivé à <a href=\"/astana\" class=\"place\">Astana</a>.</p>";
        String out = translate(in);
        assertEquals("<p>The <em>president</em> arrived in <a href=\"/astana\" class=\"place\">Astana</a>.</p>", out);
    }

    @Test
    void anAnchorAroundAWholeSentenceStaysAroundTheWholeTranslation() {
        assertEquals("<p><a href=\"https://example.org/\">Thank you very much!</a></p>",
                translate("<p><a href=\"https://example.org/\">Merci beaucoup !</a></p>"));
        assertEquals("<p><strong>Russia is our strategic partner</strong>.</p>",
                translate("<p><strong>La Russie est notre partenaire stratégique</strong>.</p>"));
    }

    @Test
    void nestedElementsKeepTheirNesting() {
        String in = "<p>La <b>Russie est <i>notre partenaire stratégique</i></b>.</p>";
        String out = translate(in);
        sameShape(in, out);
        Element b = Jsoup.parseBodyFragment(out).selectFirst("b");
        assertEquals("Russia is our strategic partner", b.text(), out);
        assertEquals("our strategic partner", b.selectFirst("i").text(), out);
    }

    @Test
    void anElementAcrossASentenceBoundarySurvivesOnce() {
        String in = "<p>Il pleut à <span class=\"x\">Paris. Merci</span> beaucoup !</p>";
        String out = translate(in);
        sameShape(in, out);
        String span = Jsoup.parseBodyFragment(out).selectFirst("span.x").text();
        assertTrue(span.startsWith("Paris.") && span.length() > "Paris.".length(), out);
        assertTrue(out.startsWith("<p>It is raining in <span"), out);
    }

    @Test
    void codeScriptsAndNoTranslateStayByteForByte() {
        String kept = "<pre>Le président  est\n arrivé &lt;à&gt; Astana.</pre><div translate=\"no\"><p>Le ministre est arrivé "
                + "à Paris.</p></div><p class=\"notranslate\">Merci beaucoup !</p><script>var s = \"Le président\";</script>";
        String out = translate("<p>Le président est arrivé à Astana.</p>" + kept);
        assertEquals("<p>The president arrived in Astana.</p>" + kept, out);
    }

    @Test
    void blocksAreTranslatedApartAndLineBreaksAndImagesComeThroughWhole() {
        String in = "<ul>\n  <li>Merci beaucoup !</li>\n  <li>Le président est arrivé<br>à Astana. <img src=\"a.png\" "
                + "alt=\"Merci beaucoup !\"></li>\n</ul>";
        String out = translate(in);
        sameShape(in, out);
        assertTrue(out.startsWith("<ul>\n  <li>Thank you very much!</li>\n  <li>The president arrived"), out);
        assertTrue(out.contains("alt=\"Thank you very much!\""), out);
        assertTrue(out.endsWith("</li>\n</ul>"), out);
    }

    @Test
    void aWholePageStaysAPageInEnglish() {
        String in = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Merci beaucoup !</title>"
                + "<script>var s = \"Le président\";</script></head><body><h1>Il pleut à Paris.</h1>"
                + "<p>Le ministre est arrivé à Paris.</p></body></html>";
        String out = translate(in);
        assertEquals("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Thank you very much!</title>"
                + "<script>var s = \"Le président\";</script></head><body><h1>It is raining in Paris.</h1>"
                + "<p>The minister arrived in Paris.</p></body></html>", out);
    }

    @Test
    void whatMustBeEscapedIsEscaped() {
        String out = translate("<p title=\"Merci beaucoup !\">Le président est arrivé à Astana.</p><p>5 &lt; 6</p>");
        assertTrue(out.contains("<p>5 &lt; 6</p>"), out);
        assertEquals("The president arrived in Astana.", Jsoup.parseBodyFragment(out).selectFirst("p").text());
    }

    @Test
    void aPageOfTwoHundredParagraphsComesBackWhole() {
        String[] known = {"Le <b>président</b> est arrivé à Astana.", "Merci <i>beaucoup</i> !", "Il pleut à <a href=\"/p\">Paris</a>.",
            "La Russie est notre partenaire stratégique."};
        StringBuilder in = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><title>Merci beaucoup !</title></head><body>");
        for (int i = 0; i < 200; i++) {
            in.append("<p id=\"p").append(i).append("\">").append(known[i % known.length]).append("</p>\n");
        }
        String out = translate(in.append("</body></html>").toString());
        org.jsoup.nodes.Document doc = Jsoup.parse(out);
        assertEquals(200, doc.select("p").size());
        assertEquals(shape(in.toString()), shape(out));
        assertEquals("The <b>president</b> arrived in Astana.", doc.getElementById("p0").html());
        assertEquals("It is raining in <a href=\"/p\">Paris</a>.", doc.getElementById("p198").html());
    }

    @Test
    void elementsNestedBeyondTheLimitAreRefusedBeforeAnyWork() {
        String deep = "<div>".repeat(HtmlPage.MAX_DEPTH + 10) + "Le président est arrivé.";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HtmlPage.parse(deep));
        assertTrue(e.getMessage().contains("the limit is " + HtmlPage.MAX_DEPTH), e.getMessage());
        String within = translate("<div>".repeat(HtmlPage.MAX_DEPTH - 10) + "<p>Le <b>président</b> est arrivé à Astana.</p>");
        assertTrue(within.contains("<p>The <b>president</b> arrived in Astana.</p>"), within.substring(within.length() - 200));
    }
}
