package dev.passerelle.batch;

import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Generator;
import dev.passerelle.translate.Hypothesis;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Dynamic batching across requests: every request's sentences join one bounded queue; worker
 * threads take the oldest sentence and every queued sentence decoded the same way (up to the
 * batch limits, waiting briefly for more when the batch is not full), run them in one engine call
 * and hand each request exactly its own results. A full queue refuses new requests at once
 * (503) instead of piling them up; a request that waits past its deadline gives up its sentences.
 */
public final class BatchScheduler implements Generator, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class);

    private final Generator engine;
    private final BatchSettings settings;
    private final BatchListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closing;

    public BatchScheduler(Generator engine, BatchSettings settings, BatchListener listener) {
        this.engine = engine;
        this.settings = settings;
        this.listener = listener;
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

    @Override
    public List<Hypothesis> generate(List<int[]> sources, DecodeOptions options) {
        if (sources.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        List<Job> jobs = new ArrayList<>(sources.size());
        for (int[] ids : sources) {
            jobs.add(new Job(ids, options, deadline, new CompletableFuture<>()));
        }
        enqueue(jobs);
        List<Hypothesis> out = new ArrayList<>(jobs.size());
        try {
            for (Job j : jobs) {
                out.add(j.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return out;
        } catch (TimeoutException | CancellationException e) {
            withdraw(jobs);
            listener.rejected("deadline");
            throw new OverloadedException("the translation did not finish within " + settings.deadline().toSeconds()
                    + " s because the service is busy; try again shortly", retryAfter());
        } catch (InterruptedException e) {
            withdraw(jobs);
            Thread.currentThread().interrupt();
            throw new OverloadedException("the request was interrupted", retryAfter());
        } catch (ExecutionException e) {
            withdraw(jobs);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void enqueue(List<Job> jobs) {
        if (jobs.size() > settings.queueCapacity()) {
            listener.rejected("too-large");
            throw new TooLargeException("the text has " + jobs.size() + " sentences; at most "
                    + settings.queueCapacity() + " can wait for translation at once (passerelle.batch.queue-capacity): "
                    + "split it into parts of fewer sentences and send them one after another");
        }
        lock.lock();
        try {
            if (closing) {
                listener.rejected("shutdown");
                throw new OverloadedException("the service is shutting down", retryAfter());
            }
            if (queue.size() + jobs.size() > settings.queueCapacity()) {
                listener.rejected("queue-full");
                throw new OverloadedException("the translation queue is full (" + queue.size() + " sentences "
                        + "waiting); try again shortly", retryAfter());
            }
            queue.addAll(jobs);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes back the jobs of a request that gave up, so they free their place and are not run. */
    private void withdraw(List<Job> jobs) {
        lock.lock();
        try {
            queue.removeAll(jobs);
        } finally {
            lock.unlock();
        }
        jobs.forEach(j -> j.result().cancel(false));
    }

    /** A guess at when the queue will have room: the time to drain half of it, at least a second. */
    private int retryAfter() {
        return (int) Math.max(1, Math.min(60, settings.deadline().toSeconds() / 4));
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
                run(batch);
            } catch (Throwable t) {
                // The last line of defence: a dead worker would leave every later request to wait out
                // its deadline while health still says UP. Fail this batch, keep serving.
                LOG.errorf(t, "a batch of %d sentences failed unexpectedly", batch.size());
                batch.forEach(j -> j.result().completeExceptionally(t));
            }
        }
    }

    /** Blocks for the next batch; null once closing and the queue is drained. */
    private List<Job> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing) {
                    return null;
                }
                arrived.await();
            }
            DecodeOptions options = queue.peekFirst().options();
            List<Job> batch = new ArrayList<>();
            long waitUntil = System.nanoTime() + settings.maxWait().toNanos();
            while (true) {
                take(options, batch);
                long left = waitUntil - System.nanoTime();
                if (full(batch, options) || left <= 0 || closing) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Moves queued jobs with these options into the batch while it stays within the limits. */
    private void take(DecodeOptions options, List<Job> batch) {
        long now = System.nanoTime();
        int width = batch.stream().mapToInt(j -> j.ids().length).max().orElse(0);
        for (Iterator<Job> it = queue.iterator(); it.hasNext() && !full(batch, options); ) {
            Job j = it.next();
            if (j.result().isDone() || j.expired(now)) {
                it.remove(); // its request already gave up
                continue;
            }
            if (!j.options().equals(options)) {
                continue;
            }
            int w = Math.max(width, j.ids().length);
            if (!batch.isEmpty() && !settings.limits().admits(batch.size() + 1, w, options.beams())) {
                continue;
            }
            it.remove();
            batch.add(j);
            width = w;
        }
    }

    private boolean full(List<Job> batch, DecodeOptions options) {
        return batch.size() >= settings.limits().maxSentences();
    }

    private void run(List<Job> batch) {
        long start = System.nanoTime();
        try {
            List<Hypothesis> out = engine.generate(batch.stream().map(Job::ids).toList(), batch.get(0).options());
            long tokens = 0;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(out.get(i));
                tokens += out.get(i).tokens().length + 1;
            }
            listener.batchRan(batch.size(), tokens, System.nanoTime() - start);
        } catch (RuntimeException | Error e) {
            // Errors too (out of memory on one huge batch, a native library's failure): they fail the
            // sentences that caused them, not the worker, which goes on serving the queue.
            if (batch.size() == 1) {
                LOG.errorf(e, "a sentence of %d tokens failed", batch.get(0).ids().length);
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One bad sentence must not fail the others: run them one by one.
            for (Job j : batch) {
                run(List.of(j));
            }
        }
    }

    /** Stops taking requests, lets the workers finish what is queued, waits up to {@code timeoutMillis}. */
    public void shutdown(long timeoutMillis) {
        lock.lock();
        try {
            closing = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        long until = System.currentTimeMillis() + timeoutMillis;
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, until - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        shutdown(0);
    }
}
