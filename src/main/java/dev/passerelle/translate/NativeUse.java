package dev.passerelle.translate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Guards a model's native objects (ONNX sessions, the SentencePiece processors): request threads
 * use them side by side, and they are freed only once nobody uses them. Freeing native memory
 * under a thread still inside it crashes the JVM; a request that took the model just before a
 * shutdown or reload can still be segmenting, encoding or embedding when the close comes.
 */
final class NativeUse {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    /** Runs {@code work} while the natives stay open; 503 (abandoned, shutdown) once they are closed. */
    <T> T use(Supplier<T> work) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new AbandonedException(AbandonReason.SHUTDOWN,
                        "the model was closed (the service is stopping or reloading it); try again shortly");
            }
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code close} once, when no thread uses the natives, waiting up to {@code timeout} for the
     * last to leave; false, and nothing closed, when one stays (leaking beats crashing).
     */
    boolean closeWhenUnused(Duration timeout, Runnable close) {
        try {
            if (!lock.writeLock().tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (!closed) {
                closed = true;
                close.run();
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
