package dev.passerelle.translate;

/** A caller's translation stopped because it was abandoned; nothing of it is returned or cached. */
public class AbandonedException extends RuntimeException {

    private final AbandonReason reason;

    public AbandonedException(AbandonReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AbandonReason reason() {
        return reason;
    }
}
