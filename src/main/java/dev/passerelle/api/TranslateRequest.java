package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/translate}: one text or several, with optional decoding options. */
@Schema(description = "Give exactly one of text or texts.")
public record TranslateRequest(
        @Schema(description = "French text to translate", example = "Le président est arrivé à Astana.")
        String text,
        @Schema(description = "Several French texts, translated in one batch")
        List<String> texts,
        @Schema(description = "Beam width, 1 (greedy) to 8; defaults to the model's num_beams", example = "4")
        Integer beams,
        @Schema(description = "text (default) or html: HTML comes back as the same HTML with its text translated "
                + "(elements, attributes and their order kept; pre, code, script, style, kbd, samp, var, translate=\"no\" "
                + "and .notranslate untouched; alt and title attributes translated)", enumeration = {"text", "html"})
        Format format,
        @Schema(description = "With format html: reduce the page to its article (the reader view) and answer plain "
                + "text, as /v1/extract shows it. Default false.")
        Boolean extract,
        @Schema(description = "The request's own glossary: each term found in the French is forced into the "
                + "translation (constrained search); the answer's sentences say which were applied")
        List<GlossaryTerm> glossary,
        @Schema(description = "A glossary the server holds (GET /v1/glossaries lists them), applied after the "
                + "request's own", example = "newsroom")
        @JsonProperty("glossary_id") String glossaryId,
        @Schema(description = "Terms kept as written in the translation (matched with their case)",
                example = "[\"Kazinform\"]")
        @JsonProperty("do_not_translate") List<String> doNotTranslate) implements GlossaryFields {

    /** Whether HTML is to be answered as HTML (not reduced to its article's text). */
    boolean markup() {
        return format == Format.HTML && !Boolean.TRUE.equals(extract);
    }
}
