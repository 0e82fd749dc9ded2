package dev.passerelle.translate;

import java.util.List;
import java.util.function.IntPredicate;

/** Turns each step's best next tokens into finished sentences: greedy or beam search. */
public interface SearchStrategy {

    /**
     * Decodes every source of the batch; {@code run} starts with one row per source.
     *
     * @param caps for each source, the most tokens it may generate (end token included)
     * @param abandoned checked for every running source after each step: a source it holds for
     *     finishes there with {@link FinishReason#ABANDONED} and leaves the batch like a finished one
     */
    List<Hypothesis> search(DecoderRun run, int[] caps, SearchRules rules, IntPredicate abandoned);

    /** Decodes every source to its end. */
    default List<Hypothesis> search(DecoderRun run, int[] caps, SearchRules rules) {
        return search(run, caps, rules, s -> false);
    }
}
