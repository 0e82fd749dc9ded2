package dev.passerelle.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.SentenceTranslation;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What a second review found around atoms, footnotes, spaces and page edges: each test is one finding. */
class InlineAtomsTest extends OnTestModel {

    @Test
    void anAtomBetweenWordsKeepsTheSpaceAfterIt() {
        assertEquals("<p>The minister <code>Lavrov</code> arrived in Paris.</p>",
                translate("<p>Le ministre <code>Lavrov</code> est arrivé à Paris.</p>"));
    }

    @Test
    void textNotToTranslateIsReadInItsSentenceAndKeptThere() {
        HtmlTranslator.Result r = result("<p>Merci <span translate=\"no\">Marie</span> !</p>");
        assertEquals("Merci Marie !", r.sentences().get(0).sourceText(), "the model reads the name");
        assertTrue(r.html().contains("<span translate=\"no\">Marie</span>"), r.html());
        // The name is a term kept as written: the constrained search puts it in the English, where its element goes.
        HtmlTranslator.Result paris = result("<p>Il pleut à <span class=\"notranslate\">Paris</span>.</p>");
        assertEquals("<p>It is raining in <span class=\"notranslate\">Paris</span>.</p>", paris.html());
        assertEquals("Paris", paris.sentences().get(0).terms().get(0).target());
        assertTrue(paris.sentences().get(0).terms().get(0).applied());
    }

    @Test
    void footnoteCallsFollowTheirWord() {
        assertEquals("<p>Kazakhstan<sup>1</sup> is an important ally.</p>",
                translate("<p>Le Kazakhstan<sup>1</sup> est un allié important.</p>"));
        assertEquals("<p>The president arrived<sup>1</sup> in Astana.</p>",
                translate("<p>Le président est arrivé<sup>1</sup> à Astana.</p>"));
        assertEquals("<p>China<sup>[a]</sup> is our strategic partner.</p>",
                translate("<p>La Chine<sup>[a]</sup> est notre partenaire stratégique.</p>"));
        // An ordinal's letters are part of the word, read with it.
        assertTrue(Tags.marker(Jsoup.parseBodyFragment("<p>Le 1<sup>[2]</sup></p>").selectFirst("sup")));
        assertFalse(Tags.marker(Jsoup.parseBodyFragment("<p>Le XIX<sup>e</sup> siècle</p>").selectFirst("sup")));
    }

    @Test
    void punctuationAfterANoBreakSpaceIsNotDoubled() {
        assertEquals("<p>Thank you very much<a href=\"#\">&nbsp;!</a></p>",
                translate("<p>Merci beaucoup<a href=\"#\">&nbsp;!</a></p>"));
    }

    @Test
    void aWordWithoutEnglishDoesNotPushLaterLinksOffTheirWords() {
        String out = translate("<p><a href=\"/1\">Le</a> <a href=\"/2\">président</a> <a href=\"/3\">est</a> "
                + "<a href=\"/4\">arrivé</a> <a href=\"/5\">à</a> <a href=\"/6\">Astana</a>.</p>");
        Element p = Jsoup.parseBodyFragment(out).selectFirst("p");
        assertEquals("The president arrived in Astana.", p.text(), out);
        assertEquals("Astana", p.selectFirst("a[href=/6]").text(), out);
        assertEquals("president", p.selectFirst("a[href=/2]").text(), out);
        assertEquals(6, p.select("a").size(), out);
    }

    @Test
    void aWordWithoutEnglishGivesWayToTheWordsFoundForItsNeighbours() {
        String out = translate("<p><a href=\"/1\">La</a> <a href=\"/2\">Russie</a> <a href=\"/3\">est</a> "
                + "<a href=\"/4\">notre</a> partenaire stratégique.</p>");
        Element p = Jsoup.parseBodyFragment(out).selectFirst("p");
        assertEquals("Russia", p.selectFirst("a[href=/2]").text(), out);
        assertEquals("", p.selectFirst("a[href=/1]").text(), "\"La\" has no English: " + out);
        assertEquals("<p>The president <b></b><a href=\"/a\">arrived</a> in <a href=\"/b\">Astana</a>.</p>",
                translate("<p>Le président <b>est</b> <a href=\"/a\">arrivé</a> à <a href=\"/b\">Astana</a>.</p>"));
    }

    @Test
    void keptTextNeverEatsTheNextWord() {
        assertEquals("<p>The Kazakh leader stressed the importance of the <code>a</code> agreements.</p>",
                translate("<p>Le dirigeant kazakh a souligné l'importance des <code>a</code> accords.</p>"));
        assertEquals("<p>The president <code>a</code> <code>b</code> arrived in Astana.</p>",
                translate("<p>Le président <code>a</code> <code>b</code> est arrivé à Astana.</p>"));
    }

    @Test
    void spacesAroundAtomsAtTheEdgesOfABlock() {
        assertEquals("<p><span class=\"notranslate\">X9</span> The president arrived in Astana.</p>",
                translate("<p><span class=\"notranslate\">X9</span> Le président est arrivé à Astana.</p>"));
        assertEquals("<p><img src=\"x\"> The president arrived in Astana.</p>",
                translate("<p><img src=\"x\"> Le président est arrivé à Astana.</p>"));
        assertEquals("<p>The president arrived in Astana. <img src=\"x\"></p>",
                translate("<p>Le président est arrivé à Astana. <img src=\"x\"></p>"));
        assertEquals("<p>The president arrived in Astana <img src=\"x\">.</p>",
                translate("<p>Le président est arrivé à Astana <img src=\"x\">.</p>"));
    }

    @Test
    void aWordBreakOpportunityIsNoSpace() {
        HtmlTranslator.Result r = result("<p>La capitale du Kazakh<wbr>stan est Astana.</p>");
        assertEquals("La capitale du Kazakhstan est Astana.", r.sentences().get(0).sourceText());
        assertEquals("The capital of Kazakhstan is Astana.", Jsoup.parseBodyFragment(r.html()).text(), r.html());
        assertTrue(r.html().contains("<wbr>"), r.html());
    }

    @Test
    void rubyAndCdataAreKeptAndNotRead() {
        HtmlTranslator.Result ruby = result("<p>Le président <ruby>漢<rt>kan</rt></ruby> est arrivé à Astana.</p>");
        assertTrue(ruby.html().contains(" <ruby>漢<rt>kan</rt></ruby> "), ruby.html());
        assertEquals("Le président est arrivé à Astana.", ruby.sentences().get(0).sourceText());
        HtmlTranslator.Result cdata = result("<p>Le président <![CDATA[ x < y ]]> est arrivé à Astana.</p>");
        assertEquals("Le président est arrivé à Astana.", cdata.sentences().get(0).sourceText());
        assertTrue(cdata.html().contains("<![CDATA[ x < y ]]>"), cdata.html());
    }

    @Test
    void spacesAroundAtomsAreNotDoubled() {
        assertEquals("<p>The<span> </span>president arrived in Astana.</p>",
                translate("<p>Le<span> </span>président est arrivé à Astana.</p>"));
        assertEquals("<p>It is raining in Paris.<br> Thank you very much!</p>",
                translate("<p>Il pleut à Paris.<br>Merci beaucoup !</p>"));
    }

    @Test
    void aSentenceKeptAsWrittenIsReportedSo() {
        HtmlTranslator.Result r = result("<p>« <em>La Russie est notre partenaire stratégique. "
                + "Le Kazakhstan est un allié important.</em> »</p>");
        SentenceTranslation last = r.sentences().get(r.sentences().size() - 1);
        assertEquals("»", last.sourceText(), r.sentences().toString());
        assertEquals("»", last.translation());
        assertEquals(FinishReason.PASSTHROUGH, last.finish());
        assertTrue(r.html().endsWith("</em> »</p>"), r.html());
    }

    @Test
    void customElementsAndXmlProlog() {
        assertEquals("<head-line>Thank you very much!</head-line><p>Yes.</p>",
                translate("<head-line>Merci beaucoup !</head-line><p>Oui.</p>"));
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String out = translate(prolog + "<!DOCTYPE html><html lang=\"fr\"><head><title>Oui.</title></head>"
                + "<body><p>Merci beaucoup !</p></body></html>");
        assertTrue(out.startsWith(prolog + "<!doctype html>"), out);
        assertFalse(out.contains("<!--?xml"), out);
        String bom = translate("\uFEFF<?xml version=\"1.0\"?><html><body><p>Merci beaucoup !</p></body></html>");
        assertEquals("<?xml version=\"1.0\"?><html lang=\"en\"><head></head><body><p>Thank you very much!</p></body></html>", bom);
    }

    @Test
    void anEnglishPageCountsItsSentencesByBlock() {
        HtmlTranslator.Result r = passedThrough("<h1>Thank you.</h1><p>It is raining. The cat sleeps.</p>");
        assertEquals(3, r.sentences().size());
        SentenceTranslation second = r.sentences().get(1);
        assertEquals(1, second.paragraph());
        assertEquals(0, second.source().start(), "offsets are in the block's text");
        assertEquals("It is raining.", second.sourceText());
        assertEquals(2, r.sentences().get(2).index());
    }

    @Test
    void streamingAnswersWhatOneBatchAnswers() {
        StringBuilder html = new StringBuilder("<p>");
        String[] sentences = {"Le Kazakhstan est un allié important.", "La Russie est notre partenaire stratégique.",
            "Il pleut à Paris.", "Le président est arrivé à Astana."};
        for (int i = 0; i < 12; i++) {
            String[] words = sentences[i % 4].split(" ");
            StringBuilder nested = new StringBuilder();
            for (int w = 0; w < words.length; w++) {
                nested.append(w == 1 ? "<i><b><span>" : "").append(words[w]).append(w == 2 ? "</span></b></i>" : "")
                        .append(w + 1 < words.length ? " " : "");
            }
            html.append(nested).append(' ');
        }
        html.append("</p><p>Oui, <b>merci beaucoup</b> !</p>");
        List<Integer> told = new ArrayList<>();
        String streamed = streamed(html.toString(), 6, (i, h, place, s) -> told.add(i)).html();
        assertEquals(result(html.toString()).html(), streamed);
        assertEquals(List.of(0, 1), told);
    }
}
