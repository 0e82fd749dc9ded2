package dev.passerelle.batch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.BatchGenerator;
import dev.passerelle.translate.Hypothesis;
import dev.passerelle.translate.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue, with a fake engine that echoes each sentence's ids so every answer can be checked. */
class BatchSchedulerTest {

    private static final DecodeOptions GREEDY = new DecodeOptions(1, true, 2.0, 10);
    private static final DecodeOptions BEAM = GREEDY.withBeams(4);

    /**
     * Echoes the ids, records each batch, fails on a poisoned sentence, and once held keeps every
     * batch (and so the worker) until released: the tests arrange the queue while the worker is
     * busy instead of guessing how long a slow engine takes.
     */
    static final class EchoEngine implements BatchGenerator {
        final List<List<int[]>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<DecodeOptions> options = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean holding;

        @Override
        public List<Hypothesis> generateRows(List<Source> rows, DecodeOptions o, IntPredicate abandoned) {
            List<int[]> sources = rows.stream().map(Source::ids).toList();
            batches.add(sources);
            options.add(o);
            started.countDown();
            if (sources.stream().anyMatch(s -> s[0] == 666)) {
                throw new IllegalStateException("poisoned sentence");
            }
            if (sources.stream().anyMatch(s -> s[0] == 777)) {
                // What a native library or a runaway allocation throws: not a RuntimeException.
                throw new OutOfMemoryError("a sentence too big for the engine");
            }
            if (holding) {
                try {
                    if (!released.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the engine");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return sources.stream().map(s -> new Hypothesis(s.clone(), -o.beams(), FinishReason.EOS)).toList();
        }

        void hold() {
            holding = true;
        }

        void release() {
            released.countDown();
        }

        /** Waits until the worker is inside the engine with the first batch. */
        void awaitFirstBatch() throws InterruptedException {
            assertTrue(started.await(10, TimeUnit.SECONDS), "the worker took no batch");
        }

        int firstBatchSize() {
            return batches.get(0).size();
        }
    }

    private final EchoEngine engine = new EchoEngine();
    private BatchScheduler scheduler;
    private final ExecutorService clients = Executors.newFixedThreadPool(16);

    private BatchScheduler scheduler(int capacity, Duration deadline) {
        scheduler = new BatchScheduler(engine, new BatchSettings(Duration.ofMillis(5), capacity, deadline, 1),
                BatchListener.NONE);
        return scheduler;
    }

    @AfterEach
    void stop() {
        engine.release();
        clients.shutdownNow();
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private static List<Source> request(int id, int sentences) {
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            out.add(Source.of(new int[] {id, i, 0}));
        }
        return out;
    }

    /** Waits until all these sentences are in the scheduler: in the held first batch or queued behind it. */
    private void awaitAccepted(BatchScheduler s, int sentences) throws InterruptedException {
        engine.awaitFirstBatch();
        await(sentences + " sentences accepted").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1)).until(() -> engine.firstBatchSize() + s.depth() == sentences);
    }

    @Test
    void concurrentRequestsShareBatchesAndGetExactlyTheirOwnResults() throws Exception {
        BatchScheduler s = scheduler(1000, Duration.ofSeconds(10));
        engine.hold();
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            int id = r;
            answers.add(clients.submit(() -> s.generate(request(id, 3), GREEDY)));
        }
        // While the first batch holds the worker, every other request queues up behind it.
        awaitAccepted(s, 48);
        engine.release();
        for (int r = 0; r < 16; r++) {
            List<Hypothesis> out = answers.get(r).get(10, TimeUnit.SECONDS);
            assertEquals(3, out.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(r, out.get(i).tokens()[0]);
                assertEquals(i, out.get(i).tokens()[1]);
            }
        }
        int largest = engine.batches.stream().mapToInt(List::size).max().orElse(0);
        assertTrue(largest > 3, "sentences of several requests shared a batch: " + largest);
        assertTrue(engine.batches.stream().allMatch(b -> b.size() <= 16), "batch limit");
    }

    @Test
    void differentDecodingOptionsNeverShareABatch() throws Exception {
        BatchScheduler s = scheduler(1000, Duration.ofSeconds(10));
        engine.hold();
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            int id = r;
            answers.add(clients.submit(() -> s.generate(request(id, 2), id % 2 == 0 ? GREEDY : BEAM)));
        }
        // Both kinds are queued together when the worker comes back, so it has to pick them apart.
        awaitAccepted(s, 16);
        engine.release();
        for (int r = 0; r < 8; r++) {
            assertEquals(r % 2 == 0 ? -1.0 : -4.0, answers.get(r).get(10, TimeUnit.SECONDS).get(0).score());
        }
        for (int b = 0; b < engine.batches.size(); b++) {
            int expectedParity = engine.options.get(b).beams() == 1 ? 0 : 1;
            assertTrue(engine.batches.get(b).stream().allMatch(ids -> ids[0] % 2 == expectedParity));
        }
    }

    @Test
    void aFailingSentenceFailsOnlyItsOwnRequest() throws Exception {
        BatchScheduler s = scheduler(1000, Duration.ofSeconds(10));
        engine.hold();
        Future<List<Hypothesis>> first = clients.submit(() -> s.generate(request(0, 1), GREEDY));
        engine.awaitFirstBatch();
        // Queued behind the held first batch, the good and the poisoned request share the next one.
        Future<List<Hypothesis>> good = clients.submit(() -> s.generate(request(1, 2), GREEDY));
        Future<List<Hypothesis>> bad = clients.submit(() -> s.generate(List.of(Source.of(new int[] {666, 0, 0})), GREEDY));
        awaitAccepted(s, 4);
        engine.release();
        assertEquals(2, good.get(10, TimeUnit.SECONDS).size());
        Exception e = assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
        assertEquals(1, first.get(10, TimeUnit.SECONDS).size());
        assertTrue(engine.batches.stream().anyMatch(b -> b.size() == 3), "the poisoned sentence shared a batch");
    }

    @Test
    void aRequestLargerThanTheWholeQueueIsTooLargeNotBusy() {
        BatchScheduler s = scheduler(10, Duration.ofSeconds(10));
        TooLargeException e = assertThrows(TooLargeException.class, () -> s.generate(request(1, 11), GREEDY));
        assertTrue(e.getMessage().contains("11 sentences") && e.getMessage().contains("at most 10"), e.getMessage());
        assertEquals(5, s.generate(List.of(Source.of(new int[] {5, 6})), GREEDY).get(0).tokens()[0]);
    }

    @Test
    void anErrorInTheEngineFailsItsRequestAndTheWorkerLivesOn() {
        BatchScheduler s = scheduler(100, Duration.ofSeconds(10));
        RuntimeException e = assertThrows(RuntimeException.class, () -> s.generate(List.of(Source.of(new int[] {777, 1})), GREEDY));
        assertTrue(e.getCause() instanceof OutOfMemoryError, String.valueOf(e.getCause()));
        // The one worker survived: the next request is answered, not left to wait out its deadline.
        List<Hypothesis> out = s.generate(List.of(Source.of(new int[] {5, 6})), GREEDY);
        assertEquals(5, out.get(0).tokens()[0]);
    }

    @Test
    void aFullQueueRefusesAtOnceAndLosesNothingAccepted() throws Exception {
        BatchScheduler s = scheduler(6, Duration.ofSeconds(10));
        engine.hold();
        List<CompletableFuture<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            int id = r;
            answers.add(CompletableFuture.supplyAsync(() -> s.generate(request(id, 3), GREEDY), clients));
        }
        // The held engine finishes nothing, so the first answer is a refusal: the queue filled up.
        CompletableFuture.anyOf(answers.toArray(CompletableFuture[]::new)).handle((r, e) -> r)
                .get(10, TimeUnit.SECONDS);
        assertTrue(answers.stream().filter(CompletableFuture::isDone)
                .allMatch(CompletableFuture::isCompletedExceptionally), "only refusals answer while the engine holds");
        engine.release();
        int accepted = 0;
        int refused = 0;
        for (int r = 0; r < 12; r++) {
            try {
                List<Hypothesis> out = answers.get(r).get(10, TimeUnit.SECONDS);
                assertEquals(r, out.get(2).tokens()[0]);
                accepted++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof OverloadedException, e.toString());
                refused++;
            }
        }
        assertTrue(accepted > 0 && refused > 0, accepted + " accepted, " + refused + " refused");
    }

    @Test
    void aRequestPastItsDeadlineGivesUpItsPlace() throws Exception {
        BatchScheduler s = scheduler(100, Duration.ofMillis(100));
        engine.hold();
        clients.submit(() -> s.generate(request(1, 1), GREEDY));
        engine.awaitFirstBatch(); // the worker is busy until the test ends, so request 2 can only wait
        assertThrows(OverloadedException.class, () -> s.generate(request(2, 5), GREEDY));
        assertEquals(0, s.depth(), "withdrawn sentences leave the queue");
    }

    @Test
    void shutdownDrainsQueuedWorkAndRefusesNew() throws Exception {
        BatchScheduler s = scheduler(100, Duration.ofSeconds(10));
        engine.hold();
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            int id = r;
            answers.add(clients.submit(() -> s.generate(request(id, 2), id % 2 == 0 ? GREEDY : BEAM)));
        }
        awaitAccepted(s, 12);
        // Closes while the first batch is held and the rest is still queued; the drain time is long.
        Future<Boolean> stopped = clients.submit(() -> s.shutdown(30_000, 1_000));
        await("new requests refused").atMost(Duration.ofSeconds(10)).until(() -> refuses(s));
        assertThrows(OverloadedException.class, () -> s.generate(request(9, 1), GREEDY));
        engine.release();
        assertTrue(stopped.get(10, TimeUnit.SECONDS), "the workers stopped once the queue was drained");
        for (Future<List<Hypothesis>> a : answers) {
            assertEquals(2, a.get(1, TimeUnit.SECONDS).size());
        }
    }

    private static boolean refuses(BatchScheduler s) {
        try {
            s.admit(1);
            return false;
        } catch (OverloadedException e) {
            return e.getMessage().contains("shutting down");
        }
    }
}
