package dev.passerelle.html;

import dev.passerelle.Fixture;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** HTML tests on the test model: one pipeline per test class, greedy, and the element tree of an answer. */
abstract class OnTestModel {

    private static final HtmlTranslator HTML = new HtmlTranslator(new LexicalAligner());
    private static Translator translator;

    @BeforeAll
    static void load() {
        translator = Fixture.translator();
    }

    @AfterAll
    static void close() {
        translator.close();
    }

    static String translate(String html) {
        return result(html).html();
    }

    /** The whole answer, in one batch. */
    static HtmlTranslator.Result result(String html) {
        return HTML.translate(HtmlPage.parse(html), translator, GREEDY, Caller.UNBOUNDED);
    }

    /** The answer as streaming makes it: about {@code chunk} sentences per batch, each block told as it is done. */
    static HtmlTranslator.Result streamed(String html, int chunk, HtmlTranslator.Progress progress) {
        return HTML.translate(HtmlPage.parse(html), translator, GREEDY, chunk, Caller.UNBOUNDED, progress);
    }

    /** The English page answered as it came, its sentences numbered as translations are. */
    static HtmlTranslator.Result passedThrough(String html) {
        return HtmlTranslator.passThrough(HtmlPage.parse(html), html, translator);
    }

    private static final DecodeOptions GREEDY = new DecodeOptions(1, true, 2.0, 10);

    /** Every element's tag and attributes (but alt and title, which are translated), in document order. */
    static List<String> shape(String html) {
        List<String> out = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            StringBuilder s = new StringBuilder(e.normalName());
            e.attributes().forEach(a -> {
                if (!HtmlPage.ATTRIBUTES.contains(a.getKey())) {
                    s.append(' ').append(a.getKey()).append('=').append(a.getValue());
                }
            });
            out.add(s.toString());
        }
        return out;
    }
}
