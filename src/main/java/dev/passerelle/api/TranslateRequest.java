package dev.passerelle.api;

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
        @Schema(description = "text (default) or html: HTML is reduced to its readable text first",
                enumeration = {"text", "html"})
        Format format) {
}
