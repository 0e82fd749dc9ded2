package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Native resources are freed only when no request thread is inside them, and never twice. */
@Timeout(30)
class NativeUseTest {

    private final NativeUse natives = new NativeUse();
    private final AtomicBoolean freed = new AtomicBoolean();

    @Test
    void aCloseWaitsForTheThreadInsideThenLaterUsesAre503() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> natives.use(() -> {
            inside.countDown();
            await(leave);
            assertFalse(freed.get(), "still open while a thread is inside");
            return "done";
        }));
        inside.await();
        CompletableFuture<Boolean> close = CompletableFuture.supplyAsync(
                () -> natives.closeWhenUnused(Duration.ofSeconds(20), () -> freed.set(true)));
        Awaitility.await().during(Duration.ofMillis(200)).until(() -> !freed.get());
        leave.countDown();
        assertEquals("done", request.get());
        assertTrue(close.get());
        assertTrue(freed.get());
        AbandonedException later = assertThrows(AbandonedException.class, () -> natives.use(() -> "again"));
        assertEquals(AbandonReason.SHUTDOWN, later.reason());
    }

    @Test
    void aThreadThatStaysInsideLeavesThemOpen() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> natives.use(() -> {
            inside.countDown();
            await(leave);
            return "done";
        }));
        inside.await();
        assertFalse(natives.closeWhenUnused(Duration.ofMillis(100), () -> freed.set(true)));
        assertFalse(freed.get(), "leaking beats freeing memory under a running thread");
        leave.countDown();
        assertEquals("done", request.get());
        assertEquals("used", natives.use(() -> "used"), "still open: nothing was closed");
    }

    @Test
    void closingTwiceFreesOnce() {
        int[] closes = {0};
        assertTrue(natives.closeWhenUnused(Duration.ofSeconds(1), () -> closes[0]++));
        assertTrue(natives.closeWhenUnused(Duration.ofSeconds(1), () -> closes[0]++));
        assertEquals(1, closes[0]);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
