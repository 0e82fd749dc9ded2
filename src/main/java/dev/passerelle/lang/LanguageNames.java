package dev.passerelle.lang;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Names and short codes of ISO 639-3 languages, from the JDK's tables with a few additions. */
final class LanguageNames {

    /** ISO 639-3 code to ISO 639-1, for the languages that have one. */
    private static final Map<String, String> TWO_LETTER = new HashMap<>();
    /** Individual languages OpenNLP's model uses that the JDK does not name. */
    private static final Map<String, String> EXTRA = Map.of(
            "cmn", "Mandarin Chinese", "plt", "Malagasy", "zsm", "Malay", "azj", "Azerbaijani",
            "pes", "Persian", "uzn", "Uzbek", "ekk", "Estonian", "lvs", "Latvian", "khk", "Mongolian");

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                TWO_LETTER.putIfAbsent(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // a code without a three-letter form: nothing to map
            }
        }
    }

    private LanguageNames() {
    }

    /** {@code de} for {@code deu}; the code itself when there is no two-letter one. */
    static String tag(String code) {
        return TWO_LETTER.getOrDefault(code, code);
    }

    /** {@code German} for {@code deu}; the code itself when nothing names it. */
    static String name(String code) {
        String extra = EXTRA.get(code);
        if (extra != null) {
            return extra;
        }
        String name = Locale.forLanguageTag(tag(code)).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equals(tag(code)) ? code : name;
    }
}
