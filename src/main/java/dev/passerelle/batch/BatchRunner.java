package dev.passerelle.batch;

import dev.passerelle.translate.BatchGenerator;
import dev.passerelle.translate.FinishReason;
import dev.passerelle.translate.Hypothesis;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs one batch in the engine and hands each sentence its result: rows whose request nobody wants
 * any more stop at the next decoding step and their results go to nobody; a failing batch is
 * retried sentence by sentence so one bad sentence fails only its own request.
 */
final class BatchRunner {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class);

    private final BatchGenerator engine;
    private final BatchListener listener;

    BatchRunner(BatchGenerator engine, BatchListener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    void run(List<Job> batch) {
        long start = System.nanoTime();
        try {
            List<Hypothesis> out = engine.generateRows(batch.stream().map(Job::source).toList(),
                    batch.get(0).owner().options(), i -> batch.get(i).owner().unwantedNow());
            int done = 0;
            long tokens = 0;
            for (int i = 0; i < batch.size(); i++) {
                Hypothesis h = out.get(i);
                // An abandoned row's result goes to nobody: its request already answers (or will) without it.
                if (h.finish() != FinishReason.ABANDONED && batch.get(i).result().complete(h)) {
                    done++;
                    tokens += h.tokens().length + 1;
                }
            }
            if (done > 0) {
                listener.batchRan(done, tokens, System.nanoTime() - start);
            }
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
}
