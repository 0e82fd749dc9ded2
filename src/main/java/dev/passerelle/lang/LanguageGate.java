package dev.passerelle.lang;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Decides what a text's language means for Passerelle: French (translate), English (pass through)
 * or another language (refuse). Anything short or uncertain is French, the service's language, so
 * a name, a number or "Bonjour" is never refused.
 */
@ApplicationScoped
@Startup // reads the 10 MB model at startup rather than in the first request
public class LanguageGate {

    private static final String FRENCH = "fra";
    private static final String ENGLISH = "eng";
    /** A word or a two-word name is French whatever its letters: too little to refuse or pass through. */
    static final int MIN_WORDS = 3;
    /** Past this many characters, a text is judged by its three thirds. */
    static final int LONG_TEXT = 6_000;

    private final LanguageDetector detector;
    private final Thresholds whole;
    private final Thresholds sentence;
    private final boolean enabled;

    @Inject
    LanguageGate(LanguageSettings settings) {
        this(new OpenNlpLanguageDetector(settings.maxChars()), settings.whole(), settings.sentence(), settings.enabled());
    }

    /** A gate over any detector (tests, tools). */
    public LanguageGate(LanguageDetector detector, Thresholds whole, Thresholds sentence, boolean enabled) {
        this.detector = detector;
        this.whole = whole;
        this.sentence = sentence;
        this.enabled = enabled;
    }

    /**
     * The verdict on a whole input. A long one is judged by its thirds, and is English or another
     * language only when all three agree: judged on its opening alone, 10,000 characters of English
     * before 30,000 of French passed through untranslated.
     */
    public Verdict ofText(String text) {
        if (!enabled) {
            return new Verdict(Verdict.Kind.FRENCH, new DetectedLanguage(FRENCH, "French", 0));
        }
        if (text.length() <= LONG_TEXT) {
            return verdict(text);
        }
        int third = text.length() / 3;
        Verdict first = verdict(text.substring(0, third));
        if (first.kind() == Verdict.Kind.FRENCH) {
            return first;
        }
        for (String part : List.of(text.substring(third, 2 * third), text.substring(2 * third))) {
            Verdict v = verdict(part);
            if (v.kind() != first.kind() || !v.detected().code().equals(first.detected().code())) {
                return new Verdict(Verdict.Kind.FRENCH, first.detected());
            }
        }
        return first;
    }

    private Verdict verdict(String text) {
        List<DetectedLanguage> ranked = detector.rank(text);
        DetectedLanguage best = ranked.get(0);
        if (!confident(text, ranked, whole)) {
            return new Verdict(Verdict.Kind.FRENCH, best);
        }
        return new Verdict(best.code().equals(ENGLISH) ? Verdict.Kind.ENGLISH : Verdict.Kind.OTHER, best);
    }

    /**
     * The verdict on the input {@code what} ("the text", "texts[2]"), refusing languages other than
     * French and English.
     *
     * @throws UnsupportedLanguageException when the detector is confident it is another language
     */
    public Verdict require(String text, String what) {
        Verdict v = ofText(text);
        if (v.kind() == Verdict.Kind.OTHER) {
            throw new UnsupportedLanguageException(what, v.detected());
        }
        return v;
    }

    /**
     * Waits for the detector's model and fails, with its message, if it cannot be read. The
     * pipeline's load calls it: the model's readiness then covers the detector that every
     * translation consults, rather than turning UP while each request fails with a 500.
     */
    public void requireReady() {
        if (enabled) {
            detector.rank("Le président est arrivé à Astana.");
        }
    }

    /** Whether one sentence of a French text is English, by the stricter sentence thresholds: kept as it is. */
    public boolean isEnglishSentence(String text) {
        if (!enabled || letters(text) < sentence.minLetters()) {
            return false; // counted before detecting: most sentences are decided without the detector
        }
        List<DetectedLanguage> ranked = detector.rank(text);
        return ranked.get(0).code().equals(ENGLISH) && confident(text, ranked, sentence);
    }

    /** Long enough, and the best language clearly ahead of the runner-up and of French. */
    private static boolean confident(String text, List<DetectedLanguage> ranked, Thresholds t) {
        DetectedLanguage best = ranked.get(0);
        if (best.code().equals(FRENCH) || ranked.size() < 2 || letters(text) < t.minLetters() || !words(text)) {
            return false;
        }
        double french = ranked.stream().filter(l -> l.code().equals(FRENCH)).mapToDouble(DetectedLanguage::confidence)
                .findFirst().orElse(0);
        return best.confidence() >= t.margin() * ranked.get(1).confidence()
                && best.confidence() >= t.frenchMargin() * french;
    }

    /** Whether {@code text} has at least {@link #MIN_WORDS} words with a letter in them. */
    private static boolean words(String text) {
        int words = 0;
        for (String w : text.split("\\s+")) {
            if (w.codePoints().anyMatch(Character::isLetter) && ++words >= MIN_WORDS) {
                return true;
            }
        }
        return false;
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }
}
