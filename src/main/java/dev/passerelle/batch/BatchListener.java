package dev.passerelle.batch;

/** What the scheduler reports, for metrics. */
public interface BatchListener {

    /** A batch ran: how many sentences it finished, how many tokens they generated, how long it took. */
    void batchRan(int sentences, long generatedTokens, long nanos);

    /** A request was refused because the queue was full or it waited past its deadline. */
    void rejected(String reason);

    /**
     * Sentences of a request dropped before they were done, queued or in a running batch:
     * {@code disconnect}, {@code deadline} or {@code shutdown}.
     */
    default void abandoned(String reason, int sentences) {
    }

    BatchListener NONE = new BatchListener() {
        @Override
        public void batchRan(int sentences, long generatedTokens, long nanos) {
        }

        @Override
        public void rejected(String reason) {
        }
    };
}
