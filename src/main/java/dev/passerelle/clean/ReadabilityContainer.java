package dev.passerelle.clean;

import net.dankito.readability4j.Readability4J;
import org.jboss.logging.Logger;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * The element holding a page's article as Mozilla Readability's algorithm (Readability4J) finds it:
 * scored by paragraphs, commas and class names, with its siblings of the same article. Null when it
 * finds none or fails: Readability4J was built against an older jsoup, so any failure inside it
 * falls back to {@link ArticleExtractor}'s own choice rather than failing the request.
 */
final class ReadabilityContainer {

    private static final Logger LOG = Logger.getLogger(ReadabilityContainer.class);
    /** Readability resolves relative links against this; the text does not depend on it. */
    private static final String BASE = "https://example.invalid/";

    private ReadabilityContainer() {
    }

    /** Readability walks the page recursively: deeper pages go to the fallback rather than overflow the stack. */
    static final int MAX_DEPTH = 400;

    /** The article's element in a copy of {@code page} (Readability rewrites what it reads), or null. */
    static Element find(Document page) {
        if (depth(page) > MAX_DEPTH) {
            return null;
        }
        try {
            Element content = new Readability4J(BASE, page.clone()).parse().getArticleContent();
            return content != null && !content.text().isBlank() ? content : null;
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("Readability found no article (%s): the page's <article>, <main> or <body> is used", e.toString());
            return null;
        }
    }

    private static int depth(Document page) {
        int[] max = {0};
        NodeTraversor.traverse((node, depth) -> max[0] = Math.max(max[0], depth), page);
        return max[0];
    }
}
