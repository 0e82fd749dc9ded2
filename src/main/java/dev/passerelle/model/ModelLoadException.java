package dev.passerelle.model;

/** A model folder that cannot be used; the message names the file and says what to do. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
