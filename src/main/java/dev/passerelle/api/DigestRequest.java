package dev.passerelle.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/digest}. */
public record DigestRequest(
        @Schema(description = "French article (text, or HTML with format html)") String text,
        @Schema(description = "The article's headline, optional: it helps pick the bullets (it is neither translated "
                + "nor a bullet); at most 1,000 characters. From an HTML page, its <h1> when absent") String title,
        @Schema(description = "Number of bullets, 1 to 20; by default about a fifth of the sentences, 3 to 7")
        Integer bullets,
        @Schema(description = "text (default) or html", enumeration = {"text", "html"}) Format format,
        @Schema(description = "Beam width for the translation, 1 to 8") Integer beams) {
}
