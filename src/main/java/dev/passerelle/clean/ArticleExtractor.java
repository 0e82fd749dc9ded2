package dev.passerelle.clean;

import dev.passerelle.text.TextNormalizer;
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
 * Reduces a news page to its article, as a reader view shows it. Three steps: the container
 * (Mozilla Readability's choice, else the {@code <article>}, {@code <main>} or body), cleared of
 * scripts, navigation, forms, asides and blocks whose class names say sharing, related links,
 * comments or ads; its blocks (each paragraph-level element a block, with its share of link text);
 * then the {@link BlockClassifier}, which keeps the article's blocks and drops captions, credits,
 * "publié le" stamps, "À lire aussi" lists and the like. The page's first {@code <h1>} (else its
 * {@code og:title}, else {@code <title>}) is the headline.
 */
public final class ArticleExtractor {

    private static final String DROPPED_TAGS = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "button, iframe, svg, canvas, object, [hidden], [aria-hidden=true]";
    /**
     * A class or id naming furniture: the name, or the name first in a hyphenated one ("related-articles");
     * a name merely containing it ("has-comments", "article-sharing-off") is not enough.
     */
    private static final java.util.regex.Pattern FURNITURE = java.util.regex.Pattern.compile("(?i)(share|sharing|social|"
            + "related|comments?|newsletter|subscribe|advert|ads?|promo|breadcrumbs?|menu|sidebar|cookies?|popup|"
            + "paywall)([-_].*)?");
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "td", "th", "dt", "dd", "figcaption", "caption", "div", "section", "article", "main", "br", "tr",
            "figure", "ul", "ol", "dl", "table");
    /** A page's headline is cut here, as a request's "title" is refused past it. */
    static final int MAX_TITLE_CHARS = 1000;
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final BlockClassifier CLASSIFIER = new BlockClassifier(false);

    private ArticleExtractor() {
    }

    /** The article of {@code html}. */
    public static Article extract(String html) {
        return extract(html, true);
    }

    /** With {@code readability} false, the container is the page's own {@code <article>}, {@code <main>} or body. */
    static Article extract(String html, boolean readability) {
        Document page = Jsoup.parse(html);
        Element container = readability ? ReadabilityContainer.find(page) : null;
        Element root = container != null ? container : fallbackRoot(page);
        // Furniture first, so that a hidden or aside <h1> ("Les plus lus") is never the headline.
        root.select(DROPPED_TAGS).remove();
        for (Element e : root.select("[class], [id]")) {
            if (e != root && (e.classNames().stream().anyMatch(c -> FURNITURE.matcher(c).matches())
                    || FURNITURE.matcher(e.id()).matches())) {
                e.remove();
            }
        }
        Element h1 = root.selectFirst("h1");
        String title = clean(h1 != null ? h1.text() : headline(page));
        if (title.length() > MAX_TITLE_CHARS) {
            title = title.substring(0, MAX_TITLE_CHARS).strip();
        }
        if (h1 != null) {
            h1.remove();
        }
        List<Block> blocks = blocks(root);
        List<String> paragraphs = new ArrayList<>();
        for (BlockVerdict v : CLASSIFIER.classify(blocks)) {
            if (v.content() && !v.text().equals(title) && !TextNormalizer.invisible(v.text())) {
                paragraphs.add(v.text());
            }
        }
        if (paragraphs.isEmpty()) {
            // No prose anywhere (a snippet, a list): the text as it is, without what is certainly furniture.
            blocks.stream().map(Block::text).filter(t -> BlockRules.match(t) == null && !TextNormalizer.invisible(t))
                    .forEach(paragraphs::add);
        }
        return new Article(title, String.join("\n", paragraphs));
    }

    private static Element fallbackRoot(Document page) {
        Element root = page.selectFirst("article");
        root = root != null ? root : page.selectFirst("main");
        return root != null ? root : page.body();
    }

    /** The headline when the container has no {@code <h1>}: the page's, its og:title, or its title. */
    private static String headline(Document page) {
        for (Element h1 : page.select("h1")) {
            if (!h1.text().isBlank() && !h1.is(DROPPED_TAGS) && h1.parents().stream().noneMatch(p -> p.is(DROPPED_TAGS))) {
                return h1.text();
            }
        }
        Element og = page.selectFirst("meta[property=og:title]");
        return og != null && !og.attr("content").isBlank() ? og.attr("content") : page.title();
    }

    /**
     * The blocks under {@code root}, a block per paragraph-level element, counting the characters in
     * links. Walks the tree with jsoup's iterative traversor: pages nest elements thousands deep,
     * which a recursive walk would answer with a stack overflow.
     */
    static List<Block> blocks(Element root) {
        List<Block> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] links = {0, 0}; // [depth inside <a>, link characters of the current block]
        boolean[] heading = {false};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(t.getWholeText());
                    if (links[0] > 0) {
                        links[1] += visible(t.getWholeText());
                    }
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        links[0]++;
                    }
                    if (node != root && isBlock(node)) {
                        flush();
                        heading[0] = HEADINGS.contains(e.normalName());
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.normalName().equals("a")) {
                    links[0]--;
                }
                if (node != root && isBlock(node)) {
                    flush();
                }
            }

            private void flush() {
                String text = clean(current.toString());
                if (!text.isEmpty()) {
                    out.add(new Block(text, Math.min(links[1], visible(text)), heading[0]));
                }
                current.setLength(0);
                links[1] = 0;
                heading[0] = false;
            }
        }, root);
        String rest = clean(current.toString());
        if (!rest.isEmpty()) {
            out.add(new Block(rest, Math.min(links[1], visible(rest)), false));
        }
        return out;
    }

    private static int visible(String s) {
        return (int) s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element e && BLOCKS.contains(e.normalName());
    }

    /** Collapses whitespace runs (keeping no-break spaces, which French typography needs). */
    private static String clean(String s) {
        return s.replaceAll("[\\s&&[^\\u00A0]]+", " ").strip();
    }
}
