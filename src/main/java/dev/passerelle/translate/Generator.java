package dev.passerelle.translate;

import java.util.List;

/**
 * Turns source token ids into hypotheses for one caller. {@link MarianEngine} runs the model;
 * decorators queue requests into shared batches ({@code batch.BatchScheduler}) and cache sentences
 * ({@link CachingGenerator}).
 */
public interface Generator {

    /**
     * One hypothesis per source, in input order; fails with {@link AbandonedException} (or the
     * scheduler's 503) when the caller is gone or past its deadline before they are all done.
     */
    List<Hypothesis> generate(List<Source> sources, DecodeOptions options, Caller caller);

    /** For a caller without deadline or connection: the commands, the warm-up, tests. */
    default List<Hypothesis> generate(List<Source> sources, DecodeOptions options) {
        return generate(sources, options, Caller.UNBOUNDED);
    }
}
