package dev.passerelle.batch;

/**
 * A request with more sentences than the whole queue holds: waiting can never help, so the API
 * answers 413 with the limit instead of a 503 whose Retry-After would be a lie.
 */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String message) {
        super(message);
    }
}
