package dev.passerelle.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An HTML input made ready for translation: parsed (a whole page when it opens with a doctype or
 * {@code <html>}, else a fragment), its blocks of text and its translatable attributes found.
 */
public final class HtmlPage {

    /**
     * How deep elements may nest: far beyond any article (a CMS nests a few dozen), and low enough
     * for the tree walks here, which recurse, to stay well inside a thread's stack.
     */
    public static final int MAX_DEPTH = 256;
    /** Attributes whose text a reader meets: image descriptions and tooltips. */
    static final List<String> ATTRIBUTES = List.of("alt", "title");
    private static final Pattern WHOLE_PAGE = Pattern.compile("^\\s*(<!--.*?-->\\s*)*<(!doctype|html)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A translatable attribute of an element. */
    record Attribute(Element element, String name) {
        String value() {
            return element.attr(name);
        }
    }

    final Document document;
    final boolean whole;
    final List<Block> blocks = new ArrayList<>();
    final List<Attribute> attributes = new ArrayList<>();

    private HtmlPage(Document document, boolean whole) {
        this.document = document;
        this.whole = whole;
        Element title = whole ? document.head().selectFirst("title") : null;
        if (title != null) {
            blocks.addAll(BlockCollector.collect(title));
        }
        blocks.addAll(BlockCollector.collect(document.body()));
        attributes(document.body());
    }

    /**
     * Parses {@code html}.
     *
     * @throws IllegalArgumentException when elements nest deeper than {@link #MAX_DEPTH}
     */
    public static HtmlPage parse(String html) {
        boolean whole = WHOLE_PAGE.matcher(html).lookingAt();
        Document doc = whole ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        int[] deepest = {0};
        doc.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth)); // jsoup walks without recursion
        if (deepest[0] > MAX_DEPTH) {
            throw new IllegalArgumentException("its elements nest " + deepest[0] + " deep; the limit is " + MAX_DEPTH);
        }
        return new HtmlPage(doc, whole);
    }

    private void attributes(Element e) {
        if (Tags.kept(e)) {
            return;
        }
        for (String name : ATTRIBUTES) {
            if (e.hasAttr(name) && e.attr(name).codePoints().anyMatch(Character::isLetter)) {
                attributes.add(new Attribute(e, name));
            }
        }
        e.children().forEach(this::attributes);
    }

    /** Everything that will be translated, one block or attribute per line: what the language is judged on. */
    public String text() {
        StringBuilder out = new StringBuilder();
        blocks.forEach(b -> out.append(b.text()).append('\n'));
        attributes.forEach(a -> out.append(a.value()).append('\n'));
        return out.toString().strip();
    }

    /** How many blocks of text the page has: the sentences of attributes are numbered after them. */
    public int blockCount() {
        return blocks.size();
    }

    /** Whether the page holds any text to translate. */
    public boolean hasText() {
        return !blocks.isEmpty() || !attributes.isEmpty();
    }

    /** The page as it stands, serialised: a page whole, a fragment as a fragment. */
    public String html() {
        return whole ? document.outerHtml() : document.body().html();
    }
}
