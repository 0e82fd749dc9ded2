package dev.passerelle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The test helper that waits for a condition: returns once it holds, fails naming it past the deadline. */
class AwaitTest {

    @Test
    void returnsOnceAnotherThreadMakesTheConditionTrue() throws InterruptedException {
        AtomicInteger value = new AtomicInteger();
        Thread writer = new Thread(() -> value.set(42));
        writer.start();
        Await.until("the writer's value", Duration.ofSeconds(10), () -> value.get() == 42); // else it fails
        writer.join();
    }

    @Test
    void failsNamingWhatItWaitedForPastTheDeadline() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Await.until("a condition that never holds", Duration.ofMillis(50), () -> false));
        assertEquals("waited 50 ms for a condition that never holds", e.getMessage());
    }
}
