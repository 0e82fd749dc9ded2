package dev.passerelle.service;

/** Where the model stands, with a message a person can act on. */
public record ModelStatus(ModelState state, String message) {

    public boolean ready() {
        return state == ModelState.READY;
    }
}
