package dev.passerelle.lang;

import java.util.List;

/** Guesses the language of a text. */
public interface LanguageDetector {

    /** Every language the detector knows, most likely first; never empty. */
    List<DetectedLanguage> rank(String text);
}
