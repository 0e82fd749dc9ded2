package dev.passerelle.model.fetch;

/** Progress of a fetch, for display: on a terminal ({@code fetch-model}) or in the service's log. */
public interface FetchListener {

    /** A file starts (or resumes at {@code already} bytes); {@code total} is -1 when unknown. */
    void started(String path, long already, long total);

    /** Called for every chunk written: implementations decide how often to show it. */
    void progressed(String path, long done, long total);

    void finished(String path, long size, String sha256);

    /** Something worth telling but not fatal. */
    void warn(String message);

    /** What the fetch is doing as a whole: which model from where, installed, pinned. */
    default void info(String message) {
    }
}
