package dev.passerelle.api;

import dev.passerelle.glossary.Glossary;
import dev.passerelle.html.HtmlPage;
import dev.passerelle.html.HtmlTranslator;
import dev.passerelle.text.Document;
import dev.passerelle.translate.AbandonReason;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.TranslationResult;
import dev.passerelle.translate.Translator;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One streamed translation once its stream has started: a {@code sentence} event per sentence, then
 * {@code done}; or, when it fails midway, an {@code error} event carrying the problem document (the
 * stack trace goes to the log only). A client that leaves stops the work and gets nothing more.
 */
final class TranslationStream {

    private static final Logger LOG = Logger.getLogger(TranslationStream.class);

    /** Where events go: the SSE sink, or a list in tests. */
    @FunctionalInterface
    interface Events {
        void send(String name, Object data);
    }

    private TranslationStream() {
    }

    /** An English text's stream: every sentence as it is, then {@code done}; nothing to translate, so nothing fails. */
    static void passThrough(TranslationResult english, DecodeOptions options, String modelId, Events events) {
        english.sentences().forEach(s -> events.send("sentence", SentenceView.of(s)));
        done(english, options, modelId, "en", events);
    }

    private static void done(TranslationResult r, DecodeOptions options, String modelId, String language, Events events) {
        events.send("done", Map.of("translation", r.translation(), "sentences", r.sentences().size(),
                "beams", options.beams(), "model", modelId, "detectedLanguage", language));
    }

    /**
     * Translates {@code page} about {@code chunk} sentences at a time: a {@code sentence} event per
     * sentence and a {@code block} event (its number and translated inline HTML) per block as its
     * batch completes, then {@code done} with the whole translated HTML.
     */
    static void runHtml(HtmlTranslator html, HtmlPage page, Translator translator, DecodeOptions options, int chunk,
                        Caller caller, Glossary glossary, String modelId, Events events,
                        Function<Throwable, Problem> problems) {
        guarded("HTML stream of " + page.blockCount() + " blocks", caller, events, problems, () -> {
            HtmlTranslator.Result r = html.translate(page, translator, options, chunk, caller, (index, block, place, sentences) -> {
                sentences.forEach(s -> events.send("sentence", SentenceView.of(s)));
                events.send("block", Map.of("index", index, "html", block, "parent", place.parent(), "from", place.from(),
                        "to", place.to()));
            }, glossary);
            // Attributes' sentences come last, as in the JSON answer.
            r.sentences().stream().filter(s -> s.paragraph() >= page.blockCount())
                    .forEach(s -> events.send("sentence", SentenceView.of(s)));
            done(new TranslationResult(r.html(), r.sentences()), options, modelId, "fr", events);
        });
    }

    /**
     * Translates {@code doc} {@code chunk} sentences at a time for {@code caller}, whose one deadline
     * covers every chunk; {@code problems} turns a failure into the problem it answers with.
     */
    static void run(Translator translator, Document doc, DecodeOptions options, int chunk, Caller caller,
                    Glossary glossary, String modelId, Events events, Function<Throwable, Problem> problems) {
        guarded("stream of " + doc.segments().size() + " sentences", caller, events, problems, () -> {
            TranslationResult r = translator.translate(doc, options, chunk, caller,
                    s -> events.send("sentence", SentenceView.of(s)), glossary);
            done(r, options, modelId, "fr", events);
        });
    }

    /** Runs a stream's work; a failure midway travels as an {@code error} event, a client that left gets nothing. */
    private static void guarded(String what, Caller caller, Events events, Function<Throwable, Problem> problems,
                                Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (caller.abandoned().filter(why -> why == AbandonReason.DISCONNECT).isPresent()) {
                LOG.infof("%s stopped: the client left", what);
                return;
            }
            // Headers are gone already: the failure travels as an event.
            LOG.warnf(e, "%s failed", what);
            events.send("error", problems.apply(e));
        }
    }
}
