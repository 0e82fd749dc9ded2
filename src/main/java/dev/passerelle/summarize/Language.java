package dev.passerelle.summarize;

import com.fasterxml.jackson.annotation.JsonValue;

/** Language of a digest's bullets. */
public enum Language {
    /** English: the chosen sentences, translated. */
    EN,
    /** French: the chosen sentences as the article has them (no model needed). */
    FR;

    /** The code clients send and receive ({@code en}, {@code fr}). */
    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
