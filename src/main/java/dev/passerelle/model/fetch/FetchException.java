package dev.passerelle.model.fetch;

/** A fetch that cannot complete: download failed, checksum mismatch, or nothing to verify against. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
