package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a request's text is: plain text, or HTML reduced to its article before translation. */
public enum Format {
    TEXT,
    HTML;

    /** The name clients send and receive ({@code text}, {@code html}). */
    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
