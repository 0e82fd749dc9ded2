package dev.passerelle.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

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
    /** A page: after a byte-order mark, an XML prolog and comments, a doctype or one of the tags only pages have. */
    private static final Pattern WHOLE_PAGE = Pattern.compile(
            "^\uFEFF?\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<(!doctype|html|head|body)(?=[\\s/>])",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A language tag saying French: fr, fr-FR, fr_CA. */
    private static final Pattern FRENCH = Pattern.compile("fr([-_].*)?", Pattern.CASE_INSENSITIVE);
    /** A fragment opening inside a table: parsed in a table's context, or the parser would drop its tags. */
    private static final Pattern TABLE_PART = Pattern.compile(
            "^\\s*(<!--.*?-->\\s*)*<(tr|td|th|thead|tbody|tfoot|caption|colgroup|col)(?=[\\s/>])",
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

    /** The XML prolog a page opened with, written back as it was (HTML parsers read it as a comment). */
    private final String prolog;

    private HtmlPage(Document document, boolean whole, String prolog) {
        this.document = document;
        this.whole = whole;
        this.prolog = prolog;
        Element root = document.selectFirst("html");
        if (whole && Tags.optedOut(root)) {
            return; // translate="no" on <html>: the whole page stays as it is
        }
        Element title = whole && !Tags.optedOut(document.head()) ? document.head().selectFirst("title") : null;
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
        Matcher page = WHOLE_PAGE.matcher(html);
        boolean whole = page.lookingAt();
        String prolog = whole && page.group(1) != null ? page.group(1) : "";
        // A byte-order mark says the encoding of bytes; in a string it is noise the parser would put in the body.
        Document doc = whole ? Jsoup.parse(html.startsWith("\uFEFF") ? html.substring(1) : html) : fragment(html);
        if (!prolog.isEmpty()) {
            doc.childNodes().stream().filter(n -> n instanceof Comment c && c.isXmlDeclaration()).findFirst()
                    .ifPresent(org.jsoup.nodes.Node::remove);
        }
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        int[] deepest = {0};
        // Elements counted from the fragment's top (or the page's <html>), as an author counts them;
        // jsoup walks without recursion.
        doc.traverse((node, depth) -> {
            if (node instanceof Element) {
                deepest[0] = Math.max(deepest[0], depth - (whole ? 0 : 2));
            }
        });
        if (deepest[0] > MAX_DEPTH) {
            throw new IllegalArgumentException("its elements nest " + deepest[0] + " deep; the limit is " + MAX_DEPTH);
        }
        // The parser drops a newline right after <pre> (HTML's rule) and the serialiser writes none
        // back: one more keeps a leading blank line the author wrote.
        for (Element pre : doc.select("pre, textarea, listing")) {
            if (pre.childNodeSize() > 0 && pre.childNode(0) instanceof TextNode t
                    && t.getWholeText().startsWith("\n")) {
                t.text("\n" + t.getWholeText());
            }
        }
        return new HtmlPage(doc, whole, prolog);
    }

    /** A fragment in a document's body; table parts in the context of the table they belong to. */
    private static Document fragment(String html) {
        Matcher table = TABLE_PART.matcher(html);
        if (!table.lookingAt()) {
            return Jsoup.parseBodyFragment(html);
        }
        String tag = table.group(2).toLowerCase(Locale.ROOT);
        Document doc = Document.createShell("");
        String parent = switch (tag) {
            case "td", "th" -> "tr";
            case "tr" -> "tbody";
            case "col" -> "colgroup";
            default -> "table";
        };
        Element context = new Element(parent);
        doc.body().appendChildren(Parser.parseFragment(html, context, ""));
        return doc;
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

    /**
     * Marks the translated page English: {@code lang} (and {@code xml:lang}) saying French on
     * {@code <html>} or on any element whose text was translated become {@code en}; a page without
     * one gets {@code lang="en"} on {@code <html>}.
     */
    void markEnglish() {
        for (Element e : document.getAllElements()) {
            for (String name : List.of("lang", "xml:lang")) {
                if (FRENCH.matcher(e.attr(name)).matches() && !keptWithin(e)) {
                    e.attr(name, "en");
                }
            }
        }
        if (whole && !document.selectFirst("html").hasAttr("lang")) {
            document.selectFirst("html").attr("lang", "en");
        }
    }

    private static boolean keptWithin(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (Tags.kept(a)) {
                return true;
            }
        }
        return false;
    }

    /** The page as it stands, serialised: a page whole, a fragment as a fragment. */
    public String html() {
        return whole ? prolog + document.outerHtml() : document.body().html();
    }
}
