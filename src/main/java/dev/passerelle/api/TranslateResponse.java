package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Answer of {@code POST /v1/translate}: {@code translation} and {@code sentences} for a single
 * {@code text}, {@code translations} and {@code documents} for {@code texts}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranslateResponse(
        String translation,
        List<SentenceView> sentences,
        List<String> translations,
        List<DocumentView> documents,
        String format,
        int beams,
        String model) {

    /** The translation of one of several texts. */
    public record DocumentView(String translation, List<SentenceView> sentences) {
    }
}
