package dev.passerelle.translate;

import java.util.Locale;

/** Why a request's sentences were dropped before they were all translated. */
public enum AbandonReason {
    /** The client closed the connection (or left the stream). */
    DISCONNECT,
    /** The request passed its deadline. */
    DEADLINE,
    /** The model is being closed (shutdown or reload) and the drain time is over. */
    SHUTDOWN;

    /** The metric label: {@code disconnect}, {@code deadline}, {@code shutdown}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
