package dev.passerelle.lang;

/**
 * What Passerelle makes of a text's language.
 *
 * @param detected the detector's best guess (even for {@link Kind#FRENCH}, which also covers texts
 *                 too short or too uncertain to judge)
 */
public record Verdict(Kind kind, DetectedLanguage detected) {

    /** The three ways a text is handled. */
    public enum Kind {
        /** Translated: French, or too short or uncertain to say otherwise. */
        FRENCH,
        /** Passed through as it is: already English. */
        ENGLISH,
        /** Refused: a language Passerelle does not translate. */
        OTHER
    }

    /** The code responses report: {@code fr} or {@code en}. */
    public String tag() {
        return kind == Kind.ENGLISH ? "en" : "fr";
    }

    public boolean english() {
        return kind == Kind.ENGLISH;
    }
}
