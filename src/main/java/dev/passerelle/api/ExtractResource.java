package dev.passerelle.api;

import dev.passerelle.clean.Article;
import dev.passerelle.text.TextNormalizer;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/extract}: a news page reduced to its article, as a reader view shows it. Needs no
 * model, so it answers before one is loaded. The same extraction serves {@code "format": "html"}
 * in translate, summarize and digest.
 */
@Path("/v1/extract")
@Tag(name = "extract")
@Blocking
public class ExtractResource {

    private final RequestRules rules;

    ExtractResource(RequestRules rules) {
        this.rules = rules;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The article of a news page: headline and paragraphs, without the page's furniture",
            description = "Navigation, captions and photo credits, bylines, \"publié le\" stamps, \"À lire aussi\" "
                    + "lists, share and newsletter prompts and embedded players are left out; an agency dateline "
                    + "(\"PARIS (AFP) - \") is cut from the sentence it opens.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a page",
            value = "{\"html\": \"<h1>Venise : un paquebot sème la panique</h1><p>Par Jean Dupont, publié le 2 juin "
                    + "2019 à 12h30</p><p>PARIS (AFP) - Le bateau de croisière a percuté un quai dimanche matin, "
                    + "à son arrivée dans le port de Venise.</p><p>© AFP</p>\"}")))
    @APIResponse(responseCode = "200", description = "the article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "answer", value =
                    "{\"title\": \"Venise : un paquebot sème la panique\", \"paragraphs\": [\"Le bateau de croisière a "
                    + "percuté un quai dimanche matin, à son arrivée dans le port de Venise.\"], \"text\": \"Le bateau "
                    + "de croisière a percuté un quai dimanche matin, à son arrivée dans le port de Venise.\"}")))
    @APIResponse(responseCode = "400", description = "no \"html\", bad characters, or no text in the page (problem+json)")
    @APIResponse(responseCode = "413", description = "a page over passerelle.text.max-chars (problem+json)")
    public ExtractResponse extract(ExtractRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("the body must be a JSON object with \"html\"");
        }
        return answer(request.html(), "html");
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The article of a news page sent as the body (text/html, UTF-8)")
    public ExtractResponse extractHtml(byte[] body) {
        return answer(RequestRules.utf8(body, "body"), "body");
    }

    private ExtractResponse answer(String html, String name) {
        Article article = rules.article(html, name);
        if (TextNormalizer.invisible(article.withTitle())) {
            throw ProblemException.badRequest(name + " is empty once the HTML is reduced to text");
        }
        // What the work costs is charged as for the other endpoints: the text a translation would see.
        rules.charge(List.of(article.withTitle()));
        return ExtractResponse.of(article);
    }
}
