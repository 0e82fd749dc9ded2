package dev.passerelle.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.Generator;
import dev.passerelle.translate.Hypothesis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue, with a fake engine that echoes each sentence's ids so every answer can be checked. */
class BatchSchedulerTest {

    private static final DecodeOptions GREEDY = new DecodeOptions(1, true, 2.0, 10);
    private static final DecodeOptions BEAM = GREEDY.withBeams(4);

    /** Echoes the ids, records each batch, can be slowed down and can fail on a poisoned sentence. */
    static final class EchoEngine implements Generator {
        final List<List<int[]>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<DecodeOptions> options = Collections.synchronizedList(new ArrayList<>());
        volatile long delayMillis;

        @Override
        public List<Hypothesis> generate(List<int[]> sources, DecodeOptions o) {
            batches.add(sources);
            options.add(o);
            if (sources.stream().anyMatch(s -> s[0] == 666)) {
                throw new IllegalStateException("poisoned sentence");
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sources.stream().map(s -> new Hypothesis(s.clone(), -o.beams(), FinishReason.EOS)).toList();
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
        clients.shutdownNow();
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private static List<int[]> request(int id, int sentences) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            out.add(new int[] {id, i, 0});
        }
        return out;
    }

    @Test
    void concurrentRequestsShareBatchesAndGetExactlyTheirOwnResults() throws Exception {
        BatchScheduler s = scheduler(1000, Duration.ofSeconds(10));
        engine.delayMillis = 20;
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            int id = r;
            answers.add(clients.submit(() -> s.generate(request(id, 3), GREEDY)));
        }
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
        engine.delayMillis = 10;
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            int id = r;
            answers.add(clients.submit(() -> s.generate(request(id, 2), id % 2 == 0 ? GREEDY : BEAM)));
        }
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
        engine.delayMillis = 20;
        CountDownLatch go = new CountDownLatch(1);
        Future<List<Hypothesis>> good = clients.submit(() -> {
            go.await();
            return s.generate(request(1, 2), GREEDY);
        });
        Future<List<Hypothesis>> bad = clients.submit(() -> {
            go.await();
            return s.generate(List.of(new int[] {666, 0, 0}), GREEDY);
        });
        go.countDown();
        assertEquals(2, good.get(10, TimeUnit.SECONDS).size());
        Exception e = assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
    }

    @Test
    void aFullQueueRefusesAtOnceAndLosesNothingAccepted() throws Exception {
        BatchScheduler s = scheduler(6, Duration.ofSeconds(10));
        engine.delayMillis = 50;
        OverloadedException tooBig = assertThrows(OverloadedException.class, () -> s.generate(request(0, 7), GREEDY));
        assertTrue(tooBig.retryAfterSeconds() >= 1);
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            int id = r;
            answers.add(clients.submit(() -> s.generate(request(id, 3), GREEDY)));
        }
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
    void aRequestPastItsDeadlineGivesUpItsPlace() {
        BatchScheduler s = scheduler(100, Duration.ofMillis(100));
        engine.delayMillis = 400;
        clients.submit(() -> s.generate(request(1, 1), GREEDY)); // keeps the worker busy
        assertThrows(OverloadedException.class, () -> {
            Thread.sleep(20);
            s.generate(request(2, 5), GREEDY);
        });
        assertEquals(0, s.depth(), "withdrawn sentences leave the queue");
    }

    @Test
    void shutdownFinishesQueuedWorkAndRefusesNew() throws Exception {
        BatchScheduler s = scheduler(100, Duration.ofSeconds(10));
        engine.delayMillis = 30;
        List<Future<List<Hypothesis>>> answers = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            int id = r;
            answers.add(clients.submit(() -> s.generate(request(id, 2), id % 2 == 0 ? GREEDY : BEAM)));
        }
        Thread.sleep(10);
        s.shutdown(5000);
        for (Future<List<Hypothesis>> a : answers) {
            assertEquals(2, a.get(1, TimeUnit.SECONDS).size());
        }
        assertThrows(OverloadedException.class, () -> s.generate(request(9, 1), GREEDY));
    }
}
