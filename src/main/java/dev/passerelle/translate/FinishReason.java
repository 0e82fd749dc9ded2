package dev.passerelle.translate;

/** Why generation of one sentence stopped. */
public enum FinishReason {
    /** The model emitted the end-of-sentence token. */
    EOS,
    /** The length cap was reached. */
    LENGTH,
    /** The repetition guard cut a degenerate loop. */
    REPETITION,
    /** Not translated: the sentence is already English and is kept as it is (no model call, never cached). */
    PASSTHROUGH,
    /** Nobody waits for it any more (client gone, deadline, shutdown): stopped early, never returned. */
    ABANDONED
}
