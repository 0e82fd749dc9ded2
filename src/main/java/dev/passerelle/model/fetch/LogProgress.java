package dev.passerelle.model.fetch;

import static dev.passerelle.model.fetch.FetchListener.mb;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Progress in the service's log: a line when a file starts and ends, and in between one every 10%
 * or every 5 seconds, whichever comes first; never one per chunk, which would flood the log.
 */
public final class LogProgress implements FetchListener {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Logger log;
    private final LongSupplier nanoTime;
    private long lastLogNanos;
    private int lastDecile;

    public LogProgress(Logger log) {
        this(log, System::nanoTime);
    }

    /** For tests: a clock they control. */
    LogProgress(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    @Override
    public void started(String path, long already, long total) {
        lastLogNanos = nanoTime.getAsLong();
        lastDecile = total > 0 ? (int) (10 * already / total) : 0;
        log.info(FetchListener.startLine(path, already, total));
    }

    @Override
    public void progressed(String path, long done, long total) {
        if (total > 0 && done >= total) {
            return; // finished() says it
        }
        long now = nanoTime.getAsLong();
        int decile = total > 0 ? (int) (10 * done / total) : lastDecile;
        if (decile > lastDecile || now - lastLogNanos >= INTERVAL_NANOS) {
            lastDecile = decile;
            lastLogNanos = now;
            log.infof("%s: %s%s", path, total > 0 ? (100 * done / total) + "%, " : "",
                    mb(done) + (total > 0 ? " of " + mb(total) : ""));
        }
    }

    @Override
    public void finished(String path, long size, String sha256) {
        log.infof("%s: done, %s, sha256 %s", path, mb(size), sha256);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

}
