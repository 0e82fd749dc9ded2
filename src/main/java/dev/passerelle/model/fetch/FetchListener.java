package dev.passerelle.model.fetch;

/** Progress of a fetch, for display: on a terminal ({@code fetch-model}) or in the service's log. */
public interface FetchListener {

    /** A file starts (or resumes at {@code already} bytes); {@code total} is -1 when unknown. */
    void started(String path, long already, long total);

    /** Called for every chunk written: implementations decide how often to show it. */
    void progressed(String path, long done, long total);

    void finished(String path, long size, String sha256);

    /** The line announcing a file: "fetching x (12.3 MB)" or "resuming x at 4.0 MB (12.3 MB)". */
    static String startLine(String path, long already, long total) {
        return (already > 0 ? "resuming " : "fetching ") + path + (already > 0 ? " at " + mb(already) : "")
                + (total > 0 ? " (" + mb(total) + ")" : "");
    }

    /** Bytes as megabytes with one decimal, as every progress line shows them. */
    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Something worth telling but not fatal. */
    void warn(String message);

    /** What the fetch is doing as a whole: which model from where, installed, pinned. */
    default void info(String message) {
    }
}
