package dev.passerelle.translate;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Generates one batch whose rows may belong to different requests: row {@code i} stops at the next
 * decoding step once {@code abandoned.test(i)} holds, and its hypothesis then finishes with
 * {@link FinishReason#ABANDONED} (never to be shown to anyone). What the batch scheduler drives.
 */
@FunctionalInterface
public interface BatchGenerator {

    /** One hypothesis per source, in input order. */
    List<Hypothesis> generateRows(List<Source> sources, DecodeOptions options, IntPredicate abandoned);
}
