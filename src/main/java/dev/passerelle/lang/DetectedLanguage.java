package dev.passerelle.lang;

/**
 * One language a detector considers for a text.
 *
 * @param code ISO 639-3 code, as OpenNLP answers ({@code fra}, {@code eng}, {@code deu}, ...)
 * @param name English name for messages ({@code German}), or the code when none is known
 * @param confidence the detector's probability for this language, 0 to 1 (over ~100 languages, so
 *                   even a clear answer is often below 0.3: compare languages by ratio, not by value)
 */
public record DetectedLanguage(String code, String name, double confidence) {

    /** The code clients see: ISO 639-1 where the language has one ({@code en}, {@code de}), else ISO 639-3. */
    public String tag() {
        return LanguageNames.tag(code);
    }
}
