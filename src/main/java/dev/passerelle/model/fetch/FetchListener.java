package dev.passerelle.model.fetch;

/** Progress of a fetch, for display. */
public interface FetchListener {

    /** A file starts (or resumes at {@code already} bytes); {@code total} is -1 when unknown. */
    void started(String path, long already, long total);

    void progressed(String path, long done, long total);

    void finished(String path, long size, String sha256);

    /** Something worth telling but not fatal. */
    void warn(String message);
}
