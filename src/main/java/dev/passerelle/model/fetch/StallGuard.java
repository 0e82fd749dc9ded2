package dev.passerelle.model.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream that fails once no byte has arrived for the stall timeout. The
 * JDK's HttpClient times out only the wait for headers: a server that stops sending mid-file would
 * otherwise block the read forever. Each wait for the next chunk is bounded, so progress resets it.
 */
final class StallGuard extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final Duration timeout;
    private final String host;
    private Flow.Subscription subscription;
    private boolean closed;
    private boolean finished;
    private Iterator<ByteBuffer> chunk = Collections.emptyIterator();
    private ByteBuffer current = ByteBuffer.allocate(0);

    StallGuard(Flow.Publisher<List<ByteBuffer>> body, Duration timeout, String host) {
        this.timeout = timeout;
        this.host = host;
        body.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean cancel;
        synchronized (this) {
            subscription = s;
            cancel = closed;
        }
        if (cancel) {
            s.cancel();
        } else {
            s.request(1); // one chunk at a time: the body waits in the socket, not in memory
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrivals.add(item);
    }

    @Override
    public void onError(Throwable error) {
        arrivals.add(error);
    }

    @Override
    public void onComplete() {
        arrivals.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!current.hasRemaining()) {
            if (chunk.hasNext()) {
                current = chunk.next();
            } else if (finished) {
                return -1;
            } else {
                awaitChunk();
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @SuppressWarnings("unchecked")
    private void awaitChunk() throws IOException {
        Object item;
        try {
            item = arrivals.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download from " + host + " interrupted");
        }
        if (item == null) {
            close();
            throw new HttpTimeoutException("no data from " + host + " for " + seconds(timeout) + " (stalled)");
        }
        if (item == END) {
            finished = true;
        } else if (item instanceof Throwable t) {
            finished = true;
            throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
        } else {
            chunk = ((List<ByteBuffer>) item).iterator();
            subscription().request(1);
        }
    }

    private synchronized Flow.Subscription subscription() {
        return subscription;
    }

    /** Cancels the body if it is not read to its end: the client drops the connection. */
    @Override
    public void close() {
        Flow.Subscription s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = subscription;
        }
        if (s != null && !finished) {
            s.cancel();
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
