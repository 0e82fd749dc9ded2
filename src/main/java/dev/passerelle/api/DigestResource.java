package dev.passerelle.api;

import dev.passerelle.glossary.Glossary;
import dev.passerelle.clean.Article;
import dev.passerelle.lang.LanguageGate;
import dev.passerelle.lang.Verdict;
import dev.passerelle.service.LoadedModel;
import dev.passerelle.service.ModelLifecycle;
import dev.passerelle.service.SegmentTranslators;
import dev.passerelle.summarize.Digest;
import dev.passerelle.summarize.DigestService;
import dev.passerelle.summarize.Language;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/summarize} and {@code POST /v1/digest}: the gist of a French article as bullets.
 * {@code Accept: text/markdown} returns the Markdown list alone.
 */
@Path("/v1")
@Tag(name = "digest")
@Blocking
public class DigestResource {

    static final String MARKDOWN = "text/markdown";

    private final DigestService digests;
    private final ModelLifecycle model;
    private final SegmentTranslators translators;
    private final RequestRules rules;
    private final Callers callers;
    private final LanguageGate languages;

    DigestResource(DigestService digests, ModelLifecycle model, SegmentTranslators translators, RequestRules rules,
                   Callers callers, LanguageGate languages) {
        this.languages = languages;
        this.callers = callers;
        this.digests = digests;
        this.model = model;
        this.translators = translators;
        this.rules = rules;
    }

    @POST
    @Path("/summarize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
    @Operation(summary = "Extractive summary of a French article, as English (en) or French (fr) bullets",
            description = "An English article is summarised as English: its own sentences, whatever the language "
                    + "asked for (language \"en\", detectedLanguage \"en\"). Another language is refused with 422.")
    @APIResponse(responseCode = "422", description = "the text is in a language other than French or English")
    public Response summarize(SummarizeRequest request, @Context HttpHeaders headers,
                              @Context HttpServerRequest http) {
        Caller caller = callers.of(http);
        if (request == null) {
            throw ProblemException.badRequest("the body must be a JSON object with \"text\"");
        }
        Language language = request.language() == null ? Language.EN : request.language();
        Glossary glossary = rules.glossary(request);
        Article input = rules.articleOrText(request.text(), "text", RequestRules.isHtml(request.format()));
        String text = input.body();
        // The headline helps rank: the one given, else a page's own.
        String title = request.title() != null ? rules.title(request.title()) : input.title();
        Integer bullets = rules.bullets(request.bullets());
        Integer beams = rules.beams(request.beams());
        Verdict verdict = languages.require(text, "The text");
        if (language == Language.FR || verdict.english()) {
            // Bullets in the article's own language need no model: they work before it is loaded.
            // (An English article has no French bullets to give: its bullets are its own English sentences.)
            rules.charge(List.of(text));
            Language own = verdict.english() ? Language.EN : Language.FR;
            Digest d = digests.summarize(translators.forRequest(caller), text, title, bullets, Language.FR, null);
            return answer(d, own, null, verdict, headers);
        }
        LoadedModel m = model.current();
        DecodeOptions options = rules.options(beams, m.defaults());
        rules.charge(List.of(text));
        Digest d = digests.summarize(translators.of(m, caller, glossary), text, title, bullets, Language.EN, options);
        return answer(d, language, m.modelId(), verdict, headers);
    }

    @POST
    @Path("/digest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
    @Operation(summary = "English bullets and the whole English translation of a French article, in one call",
            description = "An English article passes through: its bullets are its own sentences and the translation "
                    + "is the text unchanged (detectedLanguage \"en\"). Another language is refused with 422.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "article",
            value = "{\"text\": \"Le président est arrivé à Astana.\\nDes accords ont été signés hier.\\nPhoto : AFP\", \"bullets\": 3}")))
    @APIResponse(responseCode = "200", description = "bullets, Markdown and the whole translation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DigestResponse.class), examples = @ExampleObject(name = "answer", value =
                    "{\"bullets\": [\"The president arrived in Astana.\", \"Agreements were signed yesterday.\"], "
                    + "\"markdown\": \"- The president arrived in Astana.\\n- Agreements were signed yesterday.\", "
                    + "\"translation\": \"The president arrived in Astana.\\nAgreements were signed yesterday.\\nPhoto: AFP\"}")))
    @APIResponse(responseCode = "422", description = "the text is in a language other than French or English")
    public Response digest(DigestRequest request, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        Caller caller = callers.of(http);
        if (request == null) {
            throw ProblemException.badRequest("the body must be a JSON object with \"text\"");
        }
        Glossary glossary = rules.glossary(request);
        Article input = rules.articleOrText(request.text(), "text", RequestRules.isHtml(request.format()));
        String text = input.body();
        // The headline helps rank: the one given, else a page's own.
        String title = request.title() != null ? rules.title(request.title()) : input.title();
        Integer bullets = rules.bullets(request.bullets());
        Verdict verdict = languages.require(text, "The text");
        LoadedModel m = model.current();
        DecodeOptions options = rules.options(request.beams(), m.defaults());
        rules.charge(List.of(text));
        if (verdict.english()) {
            // Already English: bullets are the article's own sentences, and the translation the text unchanged.
            Digest d = digests.digestWithTranslation(SegmentTranslators.passingThrough(translators.of(m, caller)), text,
                    title, bullets, options);
            return answer(new Digest(d.bullets(), d.markdown(), text), Language.EN, m.modelId(), verdict, headers);
        }
        Digest d = digests.digestWithTranslation(translators.of(m, caller, glossary), text, title, bullets, options);
        return answer(d, Language.EN, m.modelId(), verdict, headers);
    }

    private Response answer(Digest d, Language language, String modelId, Verdict verdict, HttpHeaders headers) {
        boolean markdown = !headers.getAcceptableMediaTypes().isEmpty()
                && headers.getAcceptableMediaTypes().get(0).isCompatible(MediaType.valueOf(MARKDOWN))
                && !headers.getAcceptableMediaTypes().get(0).isWildcardType();
        if (markdown) {
            return Response.ok(d.markdown(), MARKDOWN + ";charset=UTF-8").build();
        }
        return Response.ok(DigestResponse.of(d, language.code(), modelId, verdict.tag()), MediaType.APPLICATION_JSON)
                .build();
    }
}
