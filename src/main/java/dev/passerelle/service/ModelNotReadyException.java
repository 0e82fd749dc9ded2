package dev.passerelle.service;

/** Thrown when a translation is asked for while no model is serving; the API answers 503. */
public class ModelNotReadyException extends RuntimeException {

    public ModelNotReadyException(String message) {
        super(message);
    }
}
