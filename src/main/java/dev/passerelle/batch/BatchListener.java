package dev.passerelle.batch;

/** What the scheduler reports, for metrics. */
public interface BatchListener {

    /** A batch ran: how many sentences, how many tokens they generated, how long it took. */
    void batchRan(int sentences, long generatedTokens, long nanos);

    /** A request was refused because the queue was full or it waited past its deadline. */
    void rejected(String reason);

    BatchListener NONE = new BatchListener() {
        @Override
        public void batchRan(int sentences, long generatedTokens, long nanos) {
        }

        @Override
        public void rejected(String reason) {
        }
    };
}
