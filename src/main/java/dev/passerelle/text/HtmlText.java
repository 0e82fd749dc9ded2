package dev.passerelle.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reduces an HTML page to its readable text with jsoup: scripts, styles, navigation, headers,
 * footers, forms and asides are dropped; each block element (paragraph, heading, list item,
 * quote, table cell) becomes its own paragraph, separated by a blank line.
 */
public final class HtmlText {

    private static final String DROPPED = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "button, iframe, svg, canvas, [hidden], [aria-hidden=true]";
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "td", "th", "dt", "dd", "figcaption", "caption", "div", "section", "article", "main", "br", "tr");

    private HtmlText() {
    }

    /** The page's text, one paragraph per block. */
    public static String extract(String html) {
        Element body = Jsoup.parse(html).body();
        body.select(DROPPED).remove();
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        collect(body, current, paragraphs);
        flush(current, paragraphs);
        return String.join("\n\n", paragraphs);
    }

    private static void collect(Node node, StringBuilder current, List<String> out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                current.append(t.getWholeText());
            } else if (child instanceof Element e) {
                boolean block = BLOCKS.contains(e.normalName());
                if (block) {
                    flush(current, out);
                }
                collect(e, current, out);
                if (block) {
                    flush(current, out);
                }
            }
        }
    }

    private static void flush(StringBuilder current, List<String> out) {
        String text = current.toString().replaceAll("[\\s&&[^\\u00A0]]+", " ").strip();
        if (!text.isEmpty()) {
            out.add(text);
        }
        current.setLength(0);
    }
}
