package dev.passerelle.api;

import dev.passerelle.config.PasserelleConfig;
import dev.passerelle.text.HtmlText;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.TranslationResult;
import dev.passerelle.translate.TranslationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/translate}: French in, English out, as JSON or plain text. */
@Path("/v1/translate")
@Tag(name = "translate")
@Blocking
public class TranslateResource {

    static final int MAX_BEAMS = 8;

    private final TranslationService service;
    private final PasserelleConfig config;

    TranslateResource(TranslationService service, PasserelleConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Translate French text to English",
            description = "Give \"text\" (one text) or \"texts\" (several). Each sentence comes back with its "
                    + "span in the input, its translation and a score.")
    public TranslateResponse translate(TranslateRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("the body must be a JSON object with \"text\" or \"texts\"");
        }
        boolean single = request.text() != null;
        if (single == (request.texts() != null)) {
            throw ProblemException.badRequest("give exactly one of \"text\" and \"texts\"");
        }
        List<String> texts = single ? List.of(request.text()) : request.texts();
        if (texts.isEmpty()) {
            throw ProblemException.badRequest("\"texts\" is empty");
        }
        boolean html = isHtml(request.format());
        List<String> inputs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String name = single ? "text" : "texts[" + i + "]";
            inputs.add(checkedText(texts.get(i), name, html));
        }
        DecodeOptions options = options(request.beams());
        List<TranslationResult> results = service.translator().translate(inputs, options);
        String format = html ? "html" : "text";
        if (single) {
            TranslationResult r = results.get(0);
            return new TranslateResponse(r.translation(), r.sentences().stream().map(SentenceView::of).toList(),
                    null, null, format, options.beams(), service.modelId());
        }
        return new TranslateResponse(null, null, results.stream().map(TranslationResult::translation).toList(),
                results.stream().map(r -> new TranslateResponse.DocumentView(r.translation(),
                        r.sentences().stream().map(SentenceView::of).toList())).toList(),
                format, options.beams(), service.modelId());
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Translate plain French text (for curl): the body is the text, the answer the translation")
    public String translatePlain(String body,
                                 @Parameter(description = "beam width, 1 to 8") @QueryParam("beams") Integer beams) {
        String text = checkedText(body, "body", false);
        return service.translator().translate(List.of(text), options(beams)).get(0).translation();
    }

    private DecodeOptions options(Integer beams) {
        DecodeOptions defaults = service.defaults();
        if (beams == null) {
            return defaults;
        }
        if (beams < 1 || beams > MAX_BEAMS) {
            throw ProblemException.badRequest("\"beams\" must be between 1 and " + MAX_BEAMS + ", got " + beams);
        }
        return defaults.withBeams(beams);
    }

    private static boolean isHtml(String format) {
        if (format == null) {
            return false;
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "html" -> true;
            default -> throw ProblemException.badRequest("\"format\" must be \"text\" or \"html\", got \"" + format + "\"");
        };
    }

    private String checkedText(String text, String name, boolean html) {
        if (text == null) {
            throw ProblemException.badRequest(name + " must be a string, not null");
        }
        int max = config.text().maxChars();
        if (text.length() > max) {
            throw new ProblemException(413, "Payload Too Large", name + " has " + text.length()
                    + " characters; the limit is " + max + " (passerelle.text.max-chars)");
        }
        String plain = html ? HtmlText.extract(text) : text;
        if (plain.isBlank()) {
            throw ProblemException.badRequest(name + " is empty" + (html ? " once the HTML is reduced to text" : ""));
        }
        return plain;
    }
}
