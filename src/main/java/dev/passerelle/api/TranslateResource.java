package dev.passerelle.api;

import dev.passerelle.glossary.Glossary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passerelle.html.HtmlPage;
import dev.passerelle.html.HtmlTranslator;
import dev.passerelle.html.LexicalAligner;
import dev.passerelle.lang.LanguageGate;
import dev.passerelle.lang.Verdict;
import dev.passerelle.metrics.PasserelleMetrics;
import dev.passerelle.service.LoadedModel;
import dev.passerelle.service.ModelLifecycle;
import dev.passerelle.text.Document;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.SentenceTranslation;
import dev.passerelle.translate.TranslationResult;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/translate}: French in, English out, as JSON, plain text or a stream. English
 * input passes through unchanged; other languages are refused with 422 (see {@link LanguageGate}).
 */
@Path("/v1/translate")
@Tag(name = "translate")
@Blocking
public class TranslateResource {

    private static final Logger LOG = Logger.getLogger(TranslateResource.class);

    /** Sentences translated per step of a stream: small enough for steady progress, big enough to batch. */
    static final int STREAM_CHUNK = 6;

    private final ModelLifecycle model;
    private final RequestRules rules;
    private final ObjectMapper json;
    private final Callers callers;
    private final ProblemMappers problems;
    private final LanguageGate languages;
    private final HtmlTranslator html = new HtmlTranslator(new LexicalAligner());

    TranslateResource(ModelLifecycle model, RequestRules rules, ObjectMapper json, Callers callers,
                      PasserelleMetrics metrics, LanguageGate languages) {
        this.languages = languages;
        this.model = model;
        this.rules = rules;
        this.json = json;
        this.callers = callers;
        this.problems = new ProblemMappers(metrics);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Translate French text to English",
            description = "Give \"text\" (one text) or \"texts\" (several). Each sentence comes back with its "
                    + "span in the input, its translation and a score. The input's language is detected: English "
                    + "text passes through unchanged (detectedLanguage \"en\", every sentence with finish "
                    + "\"passthrough\"); an English sentence quoted in a French text is kept as it is the same way; "
                    + "another language is refused with 422. Short or uncertain texts are taken for French. With "
                    + "\"format\": \"html\" the answer is the same HTML with its text translated: elements and "
                    + "attributes kept in order, inline markup carried to the words that translate what it wrapped, "
                    + "code and translate=\"no\" untouched, e.g. <p>The <em>president</em> arrived in "
                    + "<a href='/astana'>Astana</a>.</p>.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "one text", value = "{\"text\": \"Le président est arrivé à Astana. Merci beaucoup !\"}"),
            @ExampleObject(name = "several texts, greedy", value = "{\"texts\": [\"Bonjour.\", \"Merci beaucoup !\"], \"beams\": 1}"),
            @ExampleObject(name = "HTML, answered as HTML", value = "{\"text\": \"<p>Le <em>président</em> est arrivé à "
                    + "<a href='/astana'>Astana</a>.</p>\", \"format\": \"html\"}"),
            @ExampleObject(name = "a page reduced to its article", value = "{\"text\": \"<article><p>Le président est "
                    + "arrivé.</p></article>\", \"format\": \"html\", \"extract\": true}")}))
    @APIResponse(responseCode = "200", description = "the translation, sentence by sentence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TranslateResponse.class), examples = @ExampleObject(name = "answer", value =
                    "{\"translation\": \"The president arrived in Astana. Thank you very much!\", \"sentences\": "
                    + "[{\"index\": 0, \"paragraph\": 0, \"start\": 0, \"end\": 33, \"source\": \"Le président est arrivé à Astana.\", "
                    + "\"translation\": \"The president arrived in Astana.\", \"score\": -0.0003, \"finish\": \"eos\", \"cached\": false}], "
                    + "\"format\": \"text\", \"beams\": 4, \"model\": \"opus-mt-fr-en@main\", \"detectedLanguage\": \"fr\"}")))
    @APIResponse(responseCode = "400", description = "bad input (problem+json)")
    @APIResponse(responseCode = "422", description = "the text is in a language other than French or English, "
            + "named in the detail (problem+json)")
    @APIResponse(responseCode = "503", description = "no model loaded, or overloaded (problem+json, Retry-After)")
    public TranslateResponse translate(TranslateRequest request, @Context HttpServerRequest http) {
        Caller caller = callers.of(http);
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
        rules.checkTextCount(texts.size());
        if (request.markup()) {
            return translateHtml(request, texts, single, caller);
        }
        Glossary glossary = rules.glossary(request);
        boolean html = RequestRules.isHtml(request.format());
        List<String> inputs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String name = single ? "text" : "texts[" + i + "]";
            inputs.add(rules.text(texts.get(i), name, html, true));
        }
        // Refused before the model is needed: another language stays refused whatever the model's state.
        List<Verdict> verdicts = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            verdicts.add(languages.require(inputs.get(i), single ? "The text" : "texts[" + i + "]"));
        }
        LoadedModel m = model.current();
        DecodeOptions options = rules.options(request.beams(), m.defaults());
        rules.charge(inputs);
        long start = System.nanoTime();
        List<TranslationResult> results = translate(m, inputs, verdicts, options, caller, glossary);
        LOG.infof("translated %d text(s), %d sentence(s), beams %d, in %d ms", inputs.size(),
                results.stream().mapToInt(r -> r.sentences().size()).sum(), options.beams(),
                (System.nanoTime() - start) / 1_000_000);
        String format = html ? "html" : "text";
        if (single) {
            TranslationResult r = results.get(0);
            return new TranslateResponse(r.translation(), r.sentences().stream().map(SentenceView::of).toList(),
                    null, null, format, options.beams(), m.modelId(), verdicts.get(0).tag());
        }
        List<TranslateResponse.DocumentView> documents = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            TranslationResult r = results.get(i);
            documents.add(new TranslateResponse.DocumentView(r.translation(),
                    r.sentences().stream().map(SentenceView::of).toList(), verdicts.get(i).tag()));
        }
        return new TranslateResponse(null, null, results.stream().map(TranslationResult::translation).toList(),
                documents, format, options.beams(), m.modelId(), null);
    }

    /** HTML answered as HTML: each page's text translated in one batch, its markup carried over. */
    private TranslateResponse translateHtml(TranslateRequest request, List<String> texts, boolean single, Caller caller) {
        Glossary glossary = rules.glossary(request);
        List<HtmlPage> pages = new ArrayList<>(texts.size());
        List<Verdict> verdicts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String name = single ? "text" : "texts[" + i + "]";
            pages.add(rules.page(texts.get(i), name));
            verdicts.add(languages.require(pages.get(i).text(), single ? "The text" : "texts[" + i + "]"));
        }
        LoadedModel m = model.current();
        DecodeOptions options = rules.options(request.beams(), m.defaults());
        rules.charge(pages.stream().map(HtmlPage::text).toList());
        long start = System.nanoTime();
        List<TranslateResponse.DocumentView> documents = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            HtmlPage page = pages.get(i);
            // An English page is answered as it came, byte for byte; its sentences say so.
            HtmlTranslator.Result r = verdicts.get(i).english()
                    ? HtmlTranslator.passThrough(page, texts.get(i), m.translator())
                    : html.translate(page, m.translator(), options, caller, glossary);
            documents.add(new TranslateResponse.DocumentView(r.html(), r.sentences().stream().map(SentenceView::of).toList(),
                    verdicts.get(i).tag()));
        }
        LOG.infof("translated %d HTML text(s), %d sentence(s), beams %d, in %d ms", pages.size(),
                documents.stream().mapToInt(d -> d.sentences().size()).sum(), options.beams(),
                (System.nanoTime() - start) / 1_000_000);
        if (single) {
            TranslateResponse.DocumentView d = documents.get(0);
            return new TranslateResponse(d.translation(), d.sentences(), null, null, "html", options.beams(), m.modelId(),
                    d.detectedLanguage());
        }
        return new TranslateResponse(null, null, documents.stream().map(TranslateResponse.DocumentView::translation).toList(),
                documents, "html", options.beams(), m.modelId(), null);
    }

    /** The French inputs translated together (one batch), the English ones passed through; in order. */
    private static List<TranslationResult> translate(LoadedModel m, List<String> inputs, List<Verdict> verdicts,
                                                     DecodeOptions options, Caller caller, Glossary glossary) {
        List<String> french = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            if (!verdicts.get(i).english()) {
                french.add(inputs.get(i));
            }
        }
        List<TranslationResult> translated = french.isEmpty() ? List.of()
                : m.translator().translate(french, options, caller, glossary);
        List<TranslationResult> results = new ArrayList<>(inputs.size());
        for (int i = 0, next = 0; i < inputs.size(); i++) {
            results.add(verdicts.get(i).english() ? passedThrough(m.translator().segment(inputs.get(i)), inputs.get(i))
                    : translated.get(next++));
        }
        return results;
    }

    /** An English text as its own translation: the text unchanged, each sentence with its span. */
    static TranslationResult passedThrough(Document doc, String text) {
        return new TranslationResult(text, doc.segments().stream().map(SentenceTranslation::passthrough).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Translate one text and stream it sentence by sentence (server-sent events)",
            description = "Events: \"sentence\" (one per sentence, as in the JSON answer, in document order), then "
                    + "\"done\" with the whole translation and detectedLanguage, or \"error\" with a problem document. "
                    + "English text streams back unchanged (finish \"passthrough\"); another language is refused "
                    + "with 422 before the stream starts. With \"format\": \"html\" each block (paragraph, heading, "
                    + "list item...) also gets a \"block\" event, {\"index\", \"html\"}, as soon as it is translated: "
                    + "index is the paragraph of its sentences, html the translated inline content that replaces the "
                    + "block's French content; \"done\" carries the whole translated HTML. An English page streams "
                    + "its sentences and comes back unchanged in \"done\".")
    public void translateStream(TranslateRequest request, @Context SseEventSink sink, @Context Sse sse,
                                @Context HttpServerRequest http) {
        Caller caller = callers.of(http, sink::isClosed);
        if (request == null || request.text() == null || request.texts() != null) {
            throw ProblemException.badRequest("streaming takes one \"text\"");
        }
        if (request.markup()) {
            streamHtml(request, sink, sse, caller);
            return;
        }
        Glossary glossary = rules.glossary(request);
        String text = rules.text(request.text(), "text", RequestRules.isHtml(request.format()), true);
        Verdict verdict = languages.require(text, "The text");
        LoadedModel m = model.current();
        DecodeOptions options = rules.options(request.beams(), m.defaults());
        Document doc = m.translator().segment(text);
        // Refused now, while the answer can still be a plain 413/503: once an event is out the status is 200.
        if (!verdict.english()) {
            m.scheduler().admit(doc.segments().size());
        }
        rules.charge(List.of(text));
        TranslationStream.Events events = (name, data) -> send(sink, sse, name, data, caller);
        try {
            if (verdict.english()) {
                TranslationStream.passThrough(passedThrough(doc, text), options, m.modelId(), events);
                return;
            }
            TranslationStream.run(m.translator(), doc, options, STREAM_CHUNK, caller, glossary, m.modelId(),
                    events, e -> (Problem) problems.answer(e).getEntity());
        } finally {
            sink.close();
        }
    }

    /** An HTML text streamed block by block; an English page comes back as it is. */
    private void streamHtml(TranslateRequest request, SseEventSink sink, Sse sse, Caller caller) {
        Glossary glossary = rules.glossary(request);
        HtmlPage page = rules.page(request.text(), "text");
        Verdict verdict = languages.require(page.text(), "The text");
        LoadedModel m = model.current();
        DecodeOptions options = rules.options(request.beams(), m.defaults());
        Document doc = m.translator().segment(page.text());
        if (!verdict.english()) {
            m.scheduler().admit(doc.segments().size());
        }
        rules.charge(List.of(page.text()));
        TranslationStream.Events events = (name, data) -> send(sink, sse, name, data, caller);
        try {
            if (verdict.english()) {
                TranslationStream.passThrough(new TranslationResult(request.text(),
                        HtmlTranslator.passThrough(page, request.text(), m.translator()).sentences()), options, m.modelId(), events);
                return;
            }
            TranslationStream.runHtml(html, page, m.translator(), options, STREAM_CHUNK, caller, glossary, m.modelId(), events,
                    e -> (Problem) problems.answer(e).getEntity());
        } finally {
            sink.close();
        }
    }

    private void send(SseEventSink sink, Sse sse, String name, Object data, Caller caller) {
        if (sink.isClosed()) {
            return; // the client left: the caller says so, and the next chunk is not translated
        }
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers are plain records", e);
        }
        try {
            // Bounded by the request's deadline: a client that stays connected but stops reading
            // must not hold this thread once its TCP buffers are full.
            sink.send(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(payload).build())
                    .toCompletableFuture().get(Math.max(1, caller.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.debugf("event %s not read before the deadline: the stream is closed", name);
            sink.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.close();
        } catch (ExecutionException | RuntimeException e) {
            // The connection closed under the write: the caller is gone, so the next chunk is abandoned
            // in the queue (and counted) instead of failing here.
            LOG.debugf("event %s not delivered: %s", name, e.getMessage());
        }
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Translate plain French text (for curl): the body is the text, the answer the translation",
            description = "English text comes back unchanged; another language is refused with 422 problem+json.")
    @APIResponse(responseCode = "422", description = "the text is in a language other than French or English")
    public String translatePlain(byte[] body,
                                 @Parameter(description = "beam width, 1 to 8") @QueryParam("beams") String beams,
                                 @Parameter(description = "a server glossary to apply (GET /v1/glossaries)")
                                 @QueryParam("glossary_id") String glossaryId,
                                 @Context HttpServerRequest http) {
        Caller caller = callers.of(http);
        // Taken as a string: JAX-RS answers 404 to a query parameter it cannot convert.
        Integer width = RequestRules.integer(beams, "beams");
        Glossary glossary = rules.glossary(null, glossaryId, null);
        String text = rules.text(RequestRules.utf8(body, "body"), "body", false, false);
        Verdict verdict = languages.require(text, "The text");
        LoadedModel m = model.current();
        DecodeOptions options = rules.options(width, m.defaults());
        rules.charge(List.of(text));
        if (verdict.english()) {
            return text;
        }
        return m.translator().translate(List.of(text), options, caller, glossary).get(0).translation();
    }
}
