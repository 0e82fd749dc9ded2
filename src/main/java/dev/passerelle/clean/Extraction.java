package dev.passerelle.clean;

import java.util.Locale;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The ways of reducing a page to its article that {@code extract-eval} compares; {@link #READER} is the service's. */
public enum Extraction {
    /** Readability's container, then the block classifier: what {@link ArticleExtractor#extract} does. */
    READER(html -> ArticleExtractor.extract(html, true)),
    /** The page's own {@code <article>}, {@code <main>} or body, then the block classifier (no Readability). */
    BLOCKS(html -> ArticleExtractor.extract(html, false)),
    /** Readability4J alone: the text of the container it finds, under the page's {@code <h1>} like the others. */
    READABILITY(html -> {
        var page = Jsoup.parse(html);
        Element c = ReadabilityContainer.find(page);
        String title = page.selectFirst("h1") != null ? page.selectFirst("h1").text() : page.title();
        return new Article(title, c == null ? "" : c.wholeText().replaceAll("\\s*\\n\\s*", "\n").strip());
    });

    private final Function<String, Article> extractor;

    Extraction(Function<String, Article> extractor) {
        this.extractor = extractor;
    }

    /** The article of {@code html} this way. */
    public Article extract(String html) {
        return extractor.apply(html);
    }

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
