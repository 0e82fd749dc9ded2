package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "How the text was read, as the request said: \"text\" or \"html\". HTML is answered "
                + "as HTML, except with \"extract\": true, which answers the article's text.", enumeration = {"text", "html"})
        String format,
        int beams,
        String model,
        @Schema(description = "The language the text was taken for: \"fr\" (translated; also short or uncertain "
                + "texts) or \"en\" (already English: the translation is the text unchanged, every sentence "
                + "with finish \"passthrough\"). Other languages are refused with 422. Single text only; "
                + "with texts, each document has its own.", enumeration = {"fr", "en"})
        String detectedLanguage) {

    /** The translation of one of several texts. */
    public record DocumentView(String translation, List<SentenceView> sentences,
                               @Schema(description = "\"fr\" or \"en\", as for a single text", enumeration = {"fr", "en"})
                               String detectedLanguage) {
    }
}
