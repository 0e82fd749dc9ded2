package dev.passerelle.health;

import dev.passerelle.service.ModelState;

/**
 * What callers and probes are told about the model: a fixed sentence per state. The detailed
 * message (folder paths, exception text) stays in the server log, where ModelLifecycle writes it.
 */
public final class PublicStatus {

    /** Readiness and 503 answers while the service stops. */
    public static final String STOPPING_MESSAGE = "the service is shutting down";

    private PublicStatus() {
    }

    public static String message(ModelState state) {
        return switch (state) {
            case READY -> "the model is loaded and serving";
            case LOADING -> "the model is loading and warming up";
            case MISSING -> "no model in the configured folder (passerelle.model.dir, PASSERELLE_MODEL_DIR): "
                    + "run fetch-model, or set passerelle.model.fetch-on-start=true";
            case FAILED -> "the model could not be fetched or loaded; the server log says why";
            case STOPPING -> STOPPING_MESSAGE;
        };
    }
}
