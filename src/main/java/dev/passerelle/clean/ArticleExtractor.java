package dev.passerelle.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces a news page to its article with jsoup: the {@code <article>} (else {@code <main>}, else
 * the body) without scripts, styles, navigation, headers, footers, forms, asides, hidden parts,
 * and blocks whose class or id marks them as sharing, related links, comments, newsletters or ads.
 * The first {@code <h1>} (else {@code <title>}) is the headline; each remaining block element
 * (paragraph, heading, list item, quote, caption, table cell) becomes one paragraph.
 */
public final class ArticleExtractor {

    private static final String DROPPED_TAGS = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "button, iframe, svg, canvas, object, [hidden], [aria-hidden=true]";
    private static final String FURNITURE = "(?i).*\\b(share|sharing|social|related|comments?|newsletter|subscribe|"
            + "advert|ads?|promo|breadcrumbs?|menu|sidebar|cookies?|popup|paywall)\\b.*";
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "td", "th", "dt", "dd", "figcaption", "caption", "div", "section", "article", "main", "br", "tr");

    private ArticleExtractor() {
    }

    public static Article extract(String html) {
        Document page = Jsoup.parse(html);
        Element root = page.selectFirst("article");
        root = root != null ? root : page.selectFirst("main");
        root = root != null ? root : page.body();
        root.select(DROPPED_TAGS).remove();
        for (Element e : root.select("[class], [id]")) {
            if (e != root && (e.className().matches(FURNITURE) || e.id().matches(FURNITURE))) {
                e.remove();
            }
        }
        Element h1 = root.selectFirst("h1");
        String title = h1 != null ? clean(h1.text()) : clean(page.title());
        if (h1 != null) {
            h1.remove();
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        collect(root, current, paragraphs);
        flush(current, paragraphs);
        return new Article(title, String.join("\n", paragraphs));
    }

    /**
     * Text of every node under {@code root}, a paragraph per block element. Walks the tree with
     * jsoup's iterative traversor: pages nest elements thousands deep, which a recursive walk
     * would answer with a stack overflow.
     */
    private static void collect(Element root, StringBuilder current, List<String> out) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(t.getWholeText());
                } else if (node != root && isBlock(node)) {
                    flush(current, out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node != root && isBlock(node)) {
                    flush(current, out);
                }
            }
        }, root);
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element e && BLOCKS.contains(e.normalName());
    }

    private static void flush(StringBuilder current, List<String> out) {
        String text = clean(current.toString());
        if (!text.isEmpty()) {
            out.add(text);
        }
        current.setLength(0);
    }

    /** Collapses whitespace runs (keeping no-break spaces, which French typography needs). */
    private static String clean(String s) {
        return s.replaceAll("[\\s&&[^\\u00A0]]+", " ").strip();
    }
}
