package dev.passerelle.batch;

import dev.passerelle.translate.BatchLimits;
import dev.passerelle.translate.DecodeOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The waiting requests, served in turn: a batch takes one sentence from each request in ring order
 * (those decoded like the request whose turn it is, within the batch limits), then a second from
 * each, and so on; requests served go to the back of the ring. A one-sentence request therefore
 * waits about one batch, however many sentences a big request queued before it, and batches stay
 * as full as before. Not thread-safe: the scheduler holds its lock around every call.
 */
final class RequestQueue {

    private final ArrayDeque<QueuedRequest> ring = new ArrayDeque<>();
    private int sentences;

    /** Sentences waiting. */
    int size() {
        return sentences;
    }

    boolean isEmpty() {
        return ring.isEmpty();
    }

    void add(QueuedRequest r) {
        ring.addLast(r);
        sentences += r.waiting().size();
    }

    /** Takes a request's waiting sentences out of the queue. */
    void remove(QueuedRequest r) {
        if (ring.remove(r)) {
            sentences -= r.waiting().size();
        }
        r.waiting().clear();
    }

    /** Every waiting request, removed from the queue. */
    List<QueuedRequest> clear() {
        List<QueuedRequest> all = new ArrayList<>(ring);
        all.forEach(this::remove);
        return all;
    }

    /**
     * Adds waiting sentences to {@code batch}, round-robin, while it stays within {@code limits}; an
     * empty batch takes the decoding options of the request whose turn it is. Requests nobody wants
     * any more leave the queue here.
     */
    void fill(List<Job> batch, BatchLimits limits, long now) {
        List<QueuedRequest> order = new ArrayList<>(ring.size());
        for (QueuedRequest r : List.copyOf(ring)) {
            if (r.unwanted(now).isPresent()) {
                remove(r); // its waiting thread notices and answers; its sentences are never run
            } else {
                order.add(r);
            }
        }
        if (order.isEmpty()) {
            return;
        }
        DecodeOptions options = batch.isEmpty() ? order.get(0).options() : batch.get(0).owner().options();
        int width = batch.stream().mapToInt(j -> j.ids().length).max().orElse(0);
        LinkedHashSet<QueuedRequest> served = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && batch.size() < limits.maxSentences()) {
            progress = false;
            for (QueuedRequest r : order) {
                if (batch.size() >= limits.maxSentences()) {
                    break;
                }
                Job next = r.waiting().peekFirst();
                if (next == null || !r.options().equals(options)) {
                    continue;
                }
                int w = Math.max(width, next.ids().length);
                if (!batch.isEmpty() && !limits.admits(batch.size() + 1, w, options.beams())) {
                    continue;
                }
                batch.add(r.waiting().pollFirst());
                sentences--;
                width = w;
                progress = true;
                served.remove(r); // to the back: the ring goes on from whoever was served last
                served.add(r);
            }
        }
        // Requests not served keep their turn ahead of those just served.
        ring.clear();
        order.stream().filter(r -> !served.contains(r) && !r.waiting().isEmpty()).forEach(ring::addLast);
        served.stream().filter(r -> !r.waiting().isEmpty()).forEach(ring::addLast);
    }
}
