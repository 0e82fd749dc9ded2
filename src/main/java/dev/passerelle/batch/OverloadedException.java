package dev.passerelle.batch;

/** The queue cannot take a request now, or it waited past its deadline; the API answers 503. */
public class OverloadedException extends RuntimeException {

    private final int retryAfterSeconds;

    public OverloadedException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
