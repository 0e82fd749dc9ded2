package dev.passerelle.translate;

import java.util.List;

/**
 * Turns source token ids into hypotheses. {@link MarianEngine} runs the model; decorators queue
 * requests into shared batches ({@code batch.BatchScheduler}).
 */
public interface Generator {

    /** One hypothesis per source, in input order. */
    List<Hypothesis> generate(List<int[]> sources, DecodeOptions options);
}
