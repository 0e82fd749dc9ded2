package dev.passerelle.batch;

import dev.passerelle.translate.BatchGenerator;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.Hypothesis;
import dev.passerelle.translate.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A fake engine that decodes step by step like the real searches: each sentence needs
 * {@code length} steps, each step waits for a permit the test hands out, and after each step a row
 * whose predicate holds is abandoned. Tests thereby count steps instead of timing them.
 */
final class StepEngine implements BatchGenerator {

    final Semaphore permits = new Semaphore(0);
    final AtomicInteger steps = new AtomicInteger();
    final List<List<int[]>> batches = Collections.synchronizedList(new ArrayList<>());
    final List<List<Hypothesis>> outputs = Collections.synchronizedList(new ArrayList<>());
    /** Events in order: "start", "end" for each batch; the tests add "closed". */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final int length;

    StepEngine(int length) {
        this.length = length;
    }

    @Override
    public List<Hypothesis> generateRows(List<Source> rows, DecodeOptions options, IntPredicate abandoned) {
        List<int[]> sources = rows.stream().map(Source::ids).toList();
        batches.add(sources);
        events.add("start");
        Hypothesis[] out = new Hypothesis[sources.size()];
        int running = out.length;
        for (int step = 1; running > 0; step++) {
            try {
                if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the next step");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            steps.incrementAndGet();
            running = 0;
            for (int i = 0; i < out.length; i++) {
                if (out[i] != null) {
                    continue;
                }
                if (step == length) {
                    out[i] = new Hypothesis(sources.get(i).clone(), -1, FinishReason.EOS);
                } else if (abandoned.test(i)) {
                    out[i] = new Hypothesis(new int[0], 0, FinishReason.ABANDONED);
                } else {
                    running++;
                }
            }
        }
        outputs.add(List.of(out));
        events.add("end");
        return List.of(out);
    }
}
