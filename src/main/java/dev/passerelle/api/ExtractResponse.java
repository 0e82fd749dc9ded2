package dev.passerelle.api;

import dev.passerelle.clean.Article;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code POST /v1/extract}: the page's article as a reader view shows it. */
public record ExtractResponse(
        @Schema(description = "The headline: the page's first <h1>, else its og:title or <title>; may be empty") String title,
        @Schema(description = "The article's paragraphs, in order, without captions, credits, bylines, "
                + "\"publié le\" stamps, related links and other page furniture") List<String> paragraphs,
        @Schema(description = "The paragraphs joined by blank lines (the title not included)") String text) {

    static ExtractResponse of(Article article) {
        List<String> paragraphs = article.paragraphs();
        return new ExtractResponse(article.title(), paragraphs, String.join("\n\n", paragraphs));
    }
}
