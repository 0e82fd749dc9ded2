package dev.passerelle.batch;

import dev.passerelle.translate.AbandonReason;
import dev.passerelle.translate.BatchGenerator;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Generator;
import dev.passerelle.translate.Hypothesis;
import dev.passerelle.translate.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Dynamic batching across requests: every request's sentences join a bounded queue served in turn
 * ({@link RequestQueue}); worker threads build batches of sentences decoded the same way (up to the
 * batch limits, waiting briefly for more when the batch is not full), run them in one engine call
 * and hand each request exactly its own results. A full queue refuses new requests at once (503).
 * A request whose client leaves or whose deadline passes is abandoned: its queued sentences are
 * withdrawn and its rows in a running batch stop at the next decoding step, their results never
 * reaching anyone.
 */
public final class BatchScheduler implements Generator, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class);
    /** How often a waiting request looks whether its client is still there. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** After abandoning, how long workers get to leave their batch (one decoding step is milliseconds). */
    public static final long STOP_MILLIS = 5_000;

    private final BatchRunner runner;
    private final BatchSettings settings;
    private final BatchListener listener;
    private final Refusals refusals;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final RequestQueue queue = new RequestQueue();
    /** Requests not answered yet, queued or running: what a shutdown abandons. */
    private final Set<QueuedRequest> live = new HashSet<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closing;

    public BatchScheduler(BatchGenerator engine, BatchSettings settings, BatchListener listener) {
        this.runner = new BatchRunner(engine, listener);
        this.settings = settings;
        this.listener = listener;
        this.refusals = new Refusals(settings, listener);
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(this::work, "passerelle-batch-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /** Sentences waiting now. */
    public int depth() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses now what {@link #generate} would refuse for {@code sentences} sentences (413 too large,
     * 503 full or shutting down): for a stream, which must answer before its first event.
     */
    public void admit(int sentences) {
        lock.lock();
        try {
            refusals.checkRoom(sentences, queue.size(), closing);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Hypothesis> generate(List<Source> sources, DecodeOptions options, Caller caller) {
        if (sources.isEmpty()) {
            return List.of();
        }
        // The caller's deadline covers its whole request; the service's bounds any one call too.
        long now = System.nanoTime();
        long ownLimit = now + settings.deadline().toNanos();
        long deadline = caller.deadlineNanos() - ownLimit < 0 ? caller.deadlineNanos() : ownLimit;
        QueuedRequest r = new QueuedRequest(caller, options, deadline, sources);
        enqueue(r);
        try {
            return await(r);
        } finally {
            lock.lock();
            try {
                live.remove(r);
            } finally {
                lock.unlock();
            }
        }
    }

    private List<Hypothesis> await(QueuedRequest r) {
        CompletableFuture<Void> all = CompletableFuture.allOf(
                r.jobs().stream().map(Job::result).toArray(CompletableFuture[]::new));
        try {
            while (true) {
                long now = System.nanoTime();
                Optional<AbandonReason> why = r.unwanted(now);
                if (why.isPresent()) {
                    throw abandon(r, why.get());
                }
                try {
                    all.get(Math.max(1, Math.min(POLL_NANOS, r.remainingNanos(now))), TimeUnit.NANOSECONDS);
                    return r.results();
                } catch (TimeoutException e) {
                    // Look again whether the client is still there and the deadline still ahead.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(r, AbandonReason.DISCONNECT);
            throw refusals.interrupted();
        } catch (ExecutionException | CompletionException e) {
            withdraw(r);
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            throw cause instanceof RuntimeException x ? x : new IllegalStateException(cause);
        }
    }

    /** Drops what is left of a request: withdrawn from the queue, stopped in a running batch, counted. */
    private RuntimeException abandon(QueuedRequest r, AbandonReason reason) {
        lock.lock();
        try {
            queue.remove(r);
        } finally {
            lock.unlock();
        }
        RuntimeException failure = refusals.abandoned(reason);
        int dropped = r.abandon(reason, failure);
        if (dropped > 0) {
            listener.abandoned(reason.label(), dropped);
        }
        if (reason == AbandonReason.DEADLINE) {
            listener.rejected("deadline");
        }
        return failure;
    }

    /** Takes back the rest of a request that failed, so its sentences free their place and are not run. */
    private void withdraw(QueuedRequest r) {
        lock.lock();
        try {
            queue.remove(r);
        } finally {
            lock.unlock();
        }
        r.abandon(AbandonReason.DEADLINE, new IllegalStateException("another sentence of the request failed"));
    }

    private void enqueue(QueuedRequest r) {
        lock.lock();
        try {
            refusals.checkRoom(r.jobs().size(), queue.size(), closing);
            queue.add(r);
            live.add(r);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            List<Job> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                runner.run(batch);
            } catch (Throwable t) {
                // The last line of defence: a dead worker would leave every later request to wait out
                // its deadline while health still says UP. Fail this batch, keep serving.
                LOG.errorf(t, "a batch of %d sentences failed unexpectedly", batch.size());
                batch.forEach(j -> j.result().completeExceptionally(t));
            }
        }
    }

    /** Blocks for the next batch; null once closing and the queue is empty. */
    private List<Job> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                while (queue.isEmpty()) {
                    if (closing) {
                        return null;
                    }
                    arrived.await();
                }
                List<Job> batch = new ArrayList<>();
                long waitUntil = System.nanoTime() + settings.maxWait().toNanos();
                while (true) {
                    queue.fill(batch, settings.limits(), System.nanoTime());
                    long left = waitUntil - System.nanoTime();
                    if (batch.size() >= settings.limits().maxSentences() || left <= 0 || closing || queue.isEmpty()
                            && batch.isEmpty()) {
                        break;
                    }
                    arrived.awaitNanos(left);
                }
                if (!batch.isEmpty()) {
                    return batch;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ordered stop: refuses new requests (503 "shutting down"), lets the workers drain the queue for
     * up to {@code drainMillis}, then abandons what remains (queued sentences are dropped, a running
     * batch stops at its next step) and waits up to {@code stopMillis} more for the workers to leave.
     *
     * @return whether every worker has stopped, so nothing runs in the engine any more
     */
    public boolean shutdown(long drainMillis, long stopMillis) {
        lock.lock();
        try {
            closing = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (join(drainMillis)) {
            return true;
        }
        List<QueuedRequest> left;
        lock.lock();
        try {
            queue.clear();
            left = List.copyOf(live);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        for (QueuedRequest r : left) {
            abandon(r, AbandonReason.SHUTDOWN);
        }
        return join(stopMillis);
    }

    /**
     * {@link #shutdown} and then, only when no worker is inside the engine any more, {@code closeEngine}:
     * closing native sessions under a running batch can crash the process. When a worker is still
     * stuck in a native call, the sessions stay open (the process is exiting anyway).
     *
     * @return whether the engine was closed
     */
    public boolean shutdownThenClose(long drainMillis, long stopMillis, Runnable closeEngine) {
        if (!shutdown(drainMillis, stopMillis)) {
            LOG.errorf("a batch worker is still inside the engine %d ms after it was told to stop; "
                    + "leaving the model's native sessions open rather than closing them under it", stopMillis);
            return false;
        }
        closeEngine.run();
        return true;
    }

    /** Waits for every worker, up to {@code millis} in all; whether they have all stopped. */
    private boolean join(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : workers) {
            try {
                long left = until - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return workers.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public void close() {
        shutdown(0, STOP_MILLIS);
    }
}
