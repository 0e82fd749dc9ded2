package dev.passerelle.api;

/** A client-facing error: status, short title, and a detail that tells the caller what to change. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(int status, String title, String detail, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
