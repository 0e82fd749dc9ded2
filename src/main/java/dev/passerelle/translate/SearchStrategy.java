package dev.passerelle.translate;

import java.util.List;

/** Turns each step's best next tokens into finished sentences: greedy or beam search. */
public interface SearchStrategy {

    /**
     * Decodes every source of the batch; {@code run} starts with one row per source.
     *
     * @param caps for each source, the most tokens it may generate (end token included)
     */
    List<Hypothesis> search(DecoderRun run, int[] caps, SearchRules rules);
}
