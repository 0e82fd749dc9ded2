package dev.passerelle.batch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.translate.AbandonReason;
import dev.passerelle.translate.AbandonedException;
import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.Caller;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.Hypothesis;
import dev.passerelle.translate.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests served in turn, abandoned requests dropped (queued sentences withdrawn, running rows
 * stopped at the next step, nothing of theirs handed out) and the ordered shutdown, counted in
 * batches and decoding steps of fake engines, never in time.
 */
class FairCancellationTest {

    private static final DecodeOptions GREEDY = new DecodeOptions(1, true, 2.0, 10);
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Counts abandoned sentences by reason, as the metrics do. */
    static final class Recorder implements BatchListener {
        final Map<String, AtomicInteger> abandoned = new ConcurrentHashMap<>();

        @Override
        public void batchRan(int sentences, long generatedTokens, long nanos) {
        }

        @Override
        public void rejected(String reason) {
        }

        @Override
        public void abandoned(String reason, int sentences) {
            abandoned.computeIfAbsent(reason, r -> new AtomicInteger()).addAndGet(sentences);
        }

        int count(String reason) {
            AtomicInteger n = abandoned.get(reason);
            return n == null ? 0 : n.get();
        }
    }

    private final BatchSchedulerTest.EchoEngine echo = new BatchSchedulerTest.EchoEngine();
    private final Recorder listener = new Recorder();
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private BatchScheduler scheduler;
    private StepEngine steps;

    @AfterEach
    void stop() {
        echo.release();
        if (steps != null) {
            steps.permits.release(1_000_000);
        }
        clients.shutdownNow();
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private BatchScheduler over(dev.passerelle.translate.BatchGenerator engine, int maxSentences) {
        scheduler = new BatchScheduler(engine, new BatchSettings(Duration.ofMillis(5), 2000, Duration.ofSeconds(30), 1,
                new BatchLimits(maxSentences, 1 << 20)), listener);
        return scheduler;
    }

    private static List<Source> request(int id, int sentences) {
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            out.add(Source.of(new int[] {id, i, 0}));
        }
        return out;
    }

    private static Caller caller(AtomicBoolean gone, Duration deadline) {
        return Caller.within(deadline, gone::get, "");
    }

    private Future<List<Hypothesis>> submit(Supplier<List<Hypothesis>> call) {
        return clients.submit(call::get);
    }

    private void awaitDepth(BatchScheduler s, int depth) {
        await(depth + " sentences queued").atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> s.depth() == depth);
    }

    /** Index of the first batch holding a sentence of request {@code id}. */
    private int firstBatchOf(int id) {
        for (int b = 0; b < echo.batches.size(); b++) {
            if (echo.batches.get(b).stream().anyMatch(ids -> ids[0] == id)) {
                return b;
            }
        }
        return -1;
    }

    @Test
    void aOneSentenceRequestWaitsOneBatchBehindAThousand() throws Exception {
        BatchScheduler s = over(echo, 16);
        echo.hold();
        Future<List<Hypothesis>> big = submit(() -> s.generate(request(1, 1000), GREEDY));
        echo.awaitFirstBatch();
        awaitDepth(s, 1000 - 16);
        Future<List<Hypothesis>> small = submit(() -> s.generate(request(2, 1), GREEDY));
        awaitDepth(s, 1000 - 16 + 1);
        int runningWhenQueued = echo.batches.size() - 1;
        echo.release();
        assertEquals(2, small.get(10, TimeUnit.SECONDS).get(0).tokens()[0]);
        // FIFO served it after all 1,000 (batch 63); in turn it rides the very next batch.
        assertEquals(runningWhenQueued + 1, firstBatchOf(2));
        List<Hypothesis> out = big.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, out.get(i).tokens()[1]);
        }
        // Throughput unchanged: 1,001 sentences in full batches of 16, the last one partial.
        assertEquals((1001 + 15) / 16, echo.batches.size());
    }

    @Test
    void waitingRequestsTakeTurnsWithinEachBatch() throws Exception {
        BatchScheduler s = over(echo, 16);
        echo.hold();
        Future<List<Hypothesis>> first = submit(() -> s.generate(request(9, 1), GREEDY));
        echo.awaitFirstBatch();
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            int r = id;
            answers.add(submit(() -> s.generate(request(r, 20), GREEDY)));
            awaitDepth(s, 20 * id);
        }
        echo.release();
        first.get(10, TimeUnit.SECONDS);
        for (Future<List<Hypothesis>> a : answers) {
            assertEquals(20, a.get(10, TimeUnit.SECONDS).size());
        }
        assertEquals(List.of(1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1), requests(echo.batches.get(1)));
        // Request 1 was served last, so the next batch starts with request 2.
        assertEquals(List.of(2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2), requests(echo.batches.get(2)));
    }

    private static List<Integer> requests(List<int[]> batch) {
        return batch.stream().map(ids -> ids[0]).toList();
    }

    @Test
    void aClientThatLeavesStopsItsRowsAtTheNextStepAndGetsNothing() throws Exception {
        steps = new StepEngine(5);
        BatchScheduler s = over(steps, 4);
        Future<List<Hypothesis>> warm = submit(() -> s.generate(request(9, 1), GREEDY));
        await().atMost(WAIT).until(() -> steps.batches.size() == 1);
        AtomicBoolean gone = new AtomicBoolean();
        Future<List<Hypothesis>> leaving = submit(() -> s.generate(request(1, 2), GREEDY, caller(gone, WAIT)));
        awaitDepth(s, 2);
        Future<List<Hypothesis>> staying = submit(() -> s.generate(request(2, 2), GREEDY));
        awaitDepth(s, 4);
        steps.permits.release(5);
        warm.get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> steps.batches.size() == 2);
        assertEquals(List.of(1, 2, 1, 2), requests(steps.batches.get(1)), "both requests share the batch");
        steps.permits.release(2);
        await().atMost(WAIT).until(() -> steps.steps.get() == 7);
        gone.set(true);
        steps.permits.release(1);
        await().atMost(WAIT).until(() -> steps.steps.get() == 8);
        steps.permits.release(2); // the staying rows need two more steps
        List<Hypothesis> kept = staying.get(10, TimeUnit.SECONDS);
        assertEquals(2, kept.get(0).tokens()[0]);
        assertEquals(List.of(FinishReason.ABANDONED, FinishReason.EOS, FinishReason.ABANDONED, FinishReason.EOS),
                steps.outputs.get(1).stream().map(Hypothesis::finish).toList());
        ExecutionException e = assertThrows(ExecutionException.class, () -> leaving.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof AbandonedException a && a.reason() == AbandonReason.DISCONNECT, e.toString());
        assertEquals(2, listener.count("disconnect"));
    }

    @Test
    void theDeadlineWithdrawsQueuedSentencesAndStopsTheRunningBatch() throws Exception {
        steps = new StepEngine(1000);
        BatchScheduler s = over(steps, 2);
        Future<List<Hypothesis>> late = submit(() -> s.generate(request(1, 5), GREEDY,
                caller(new AtomicBoolean(), Duration.ofMillis(200))));
        await().atMost(WAIT).until(() -> steps.batches.size() == 1);
        // No step runs until the deadline has passed and the request has given up.
        ExecutionException e = assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof OverloadedException, e.toString());
        assertEquals(0, s.depth(), "the queued sentences were withdrawn");
        assertEquals(5, listener.count("deadline"), "two running, three queued");
        steps.permits.release(1);
        await().atMost(WAIT).until(() -> steps.outputs.size() == 1);
        assertEquals(1, steps.steps.get(), "the running batch ended at its next step, not after 1,000");
        assertTrue(steps.outputs.get(0).stream().allMatch(h -> h.finish() == FinishReason.ABANDONED));
        // Nothing of the request runs later: the next batch is another request's.
        steps.permits.release(1000);
        assertEquals(7, s.generate(request(7, 1), GREEDY).get(0).tokens()[0]);
        assertEquals(2, steps.batches.size());
    }

    @Test
    void aStreamIsRefusedUpFrontWhenItCannotFit() throws Exception {
        scheduler = new BatchScheduler(echo, new BatchSettings(Duration.ofMillis(5), 10, Duration.ofSeconds(30), 1),
                listener);
        assertThrows(TooLargeException.class, () -> scheduler.admit(11));
        scheduler.admit(10);
        echo.hold();
        submit(() -> scheduler.generate(request(1, 1), GREEDY));
        echo.awaitFirstBatch(); // the worker is held with request 1; request 2 can only queue
        submit(() -> scheduler.generate(request(2, 6), GREEDY));
        awaitDepth(scheduler, 6);
        assertThrows(OverloadedException.class, () -> scheduler.admit(5));
        scheduler.admit(4);
    }

    @Test
    void shutdownClosesTheEngineOnlyAfterTheRunningBatchStopped() throws Exception {
        steps = new StepEngine(1_000_000);
        BatchScheduler s = over(steps, 2);
        Future<List<Hypothesis>> running = submit(() -> s.generate(request(1, 4), GREEDY));
        await().atMost(WAIT).until(() -> steps.batches.size() == 1);
        AtomicBoolean closed = new AtomicBoolean();
        Future<Boolean> stopped = clients.submit(() -> s.shutdownThenClose(50, 10_000, () -> {
            steps.events.add("closed");
            closed.set(true);
        }));
        // The drain time passes with the batch stuck between steps: the request is abandoned...
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("shutting down"), e.toString());
        // ...but the engine stays open while its batch has not left the step it is in.
        assertFalse(closed.get());
        assertFalse(stopped.isDone());
        steps.permits.release(1);
        assertTrue(stopped.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("start", "end", "closed"), steps.events);
        assertEquals(1, steps.steps.get(), "the batch stopped at its next step");
        assertEquals(4, listener.count("shutdown"));
    }

    @Test
    void anEngineStuckInANativeCallIsNeverClosedUnderIt() throws Exception {
        BatchScheduler s = over(echo, 16);
        echo.hold(); // ignores the abandoned rows, as a call deep in native code would
        Future<List<Hypothesis>> stuck = submit(() -> s.generate(request(1, 1), GREEDY));
        echo.awaitFirstBatch();
        AtomicBoolean closed = new AtomicBoolean();
        assertFalse(s.shutdownThenClose(0, 100, () -> closed.set(true)));
        assertFalse(closed.get(), "the sessions stay open under the running batch");
        assertThrows(ExecutionException.class, () -> stuck.get(10, TimeUnit.SECONDS));
    }
}
