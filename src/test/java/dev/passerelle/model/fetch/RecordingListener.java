package dev.passerelle.model.fetch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps a fetch's warnings and info lines for tests to look at; ignores progress. */
final class RecordingListener implements FetchListener {

    // Synchronized: an install may run on another thread while the test reads these.
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<String> info = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void started(String path, long already, long total) {
    }

    @Override
    public void progressed(String path, long done, long total) {
    }

    @Override
    public void finished(String path, long size, String sha256) {
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void info(String message) {
        info.add(message);
    }
}
