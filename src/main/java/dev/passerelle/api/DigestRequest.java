package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/digest}. */
public record DigestRequest(
        @Schema(description = "French article (text, or HTML with format html)") String text,
        @Schema(description = "The article's headline, optional: it helps pick the bullets (it is neither translated "
                + "nor a bullet); at most 1,000 characters. From an HTML page, its <h1> when absent") String title,
        @Schema(description = "Number of bullets, 1 to 20; by default about a fifth of the sentences, 3 to 7")
        Integer bullets,
        @Schema(description = "text (default) or html", enumeration = {"text", "html"}) Format format,
        @Schema(description = "Beam width for the translation, 1 to 8") Integer beams,
        @Schema(description = "The request's own glossary: each term found in the French is forced into the "
                + "translation (constrained search); the answer's sentences say which were applied")
        List<GlossaryTerm> glossary,
        @Schema(description = "A glossary the server holds (GET /v1/glossaries lists them), applied after the "
                + "request's own", example = "newsroom")
        @JsonProperty("glossary_id") String glossaryId,
        @Schema(description = "Terms kept as written in the translation (matched with their case)",
                example = "[\"Kazinform\"]")
        @JsonProperty("do_not_translate") List<String> doNotTranslate) implements GlossaryFields {
}
