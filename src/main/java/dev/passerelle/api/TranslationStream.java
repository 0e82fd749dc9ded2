package dev.passerelle.api;

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
     * Translates {@code doc} {@code chunk} sentences at a time for {@code caller}, whose one deadline
     * covers every chunk; {@code problems} turns a failure into the problem it answers with.
     */
    static void run(Translator translator, Document doc, DecodeOptions options, int chunk, Caller caller,
                    String modelId, Events events, Function<Throwable, Problem> problems) {
        try {
            TranslationResult r = translator.translate(doc, options, chunk, caller,
                    s -> events.send("sentence", SentenceView.of(s)));
            done(r, options, modelId, "fr", events);
        } catch (RuntimeException e) {
            if (caller.abandoned().filter(why -> why == AbandonReason.DISCONNECT).isPresent()) {
                LOG.infof("stream of %d sentences stopped: the client left", doc.segments().size());
                return;
            }
            // Headers are gone already: the failure travels as an event.
            LOG.warnf(e, "stream of %d sentences failed", doc.segments().size());
            events.send("error", problems.apply(e));
        }
    }
}
