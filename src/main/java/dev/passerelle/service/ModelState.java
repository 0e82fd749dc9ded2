package dev.passerelle.service;

/** Lifecycle of the translation model inside the service. */
public enum ModelState {
    /** Loading or warming up. */
    LOADING,
    /** Loaded, warmed, serving. */
    READY,
    /** No model in the configured folder: it has to be fetched. */
    MISSING,
    /** A model is there but cannot be used; the message says why. */
    FAILED,
    /** The service is shutting down: no new work, the queue drains, then the model is closed. */
    STOPPING
}
