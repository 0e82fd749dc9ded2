package dev.passerelle.lang;

/** A text in a language Passerelle neither translates nor passes through (answered with 422). */
public class UnsupportedLanguageException extends RuntimeException {

    private final transient DetectedLanguage detected;

    public UnsupportedLanguageException(String what, DetectedLanguage detected) {
        super(what + " is in " + detected.name() + " (" + detected.code()
                + "); Passerelle translates French, and English passes through unchanged");
        this.detected = detected;
    }

    public DetectedLanguage detected() {
        return detected;
    }
}
