package dev.passerelle.model.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The service's fetch progress: a few lines per file, however many chunks arrive. */
class LogProgressTest {

    /** Keeps what is logged, formatted, with its level. */
    static final class Captured extends Logger {
        final List<String> lines = new ArrayList<>();

        Captured() {
            super("test");
        }

        @Override
        protected void doLog(Level level, String fqcn, Object message, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + message);
        }

        @Override
        protected void doLogf(Level level, String fqcn, String format, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + String.format(Locale.ROOT, format, parameters));
        }

        @Override
        public boolean isEnabled(Level level) {
            return true;
        }
    }

    private long now;

    @Test
    void logsEveryTenPercentNotEveryChunk() {
        Captured log = new Captured();
        LogProgress progress = new LogProgress(log, () -> now);
        long total = 100_000_000;
        progress.started("onnx/encoder_model.onnx", 0, total);
        for (long done = 64 * 1024; done < total; done += 64 * 1024) {
            now += 1_000_000; // 1 ms a chunk: the whole file in about 1.5 s, under the 5 s interval
            progress.progressed("onnx/encoder_model.onnx", done, total);
        }
        progress.progressed("onnx/encoder_model.onnx", total, total);
        progress.finished("onnx/encoder_model.onnx", total, "ab12");
        assertEquals("INFO fetching onnx/encoder_model.onnx (100.0 MB)", log.lines.get(0));
        assertEquals(11, log.lines.size(), log.lines::toString); // started, 10% ... 90%, finished
        assertTrue(log.lines.get(1).startsWith("INFO onnx/encoder_model.onnx: 10%, 10.0 MB of 100.0 MB"),
                log.lines::toString);
        assertEquals("INFO onnx/encoder_model.onnx: done, 100.0 MB, sha256 ab12", log.lines.get(10));
    }

    @Test
    void aSlowDownloadOrOneOfUnknownSizeStillLogsEveryFiveSeconds() {
        Captured log = new Captured();
        LogProgress progress = new LogProgress(log, () -> now);
        progress.started("vocab.json", 0, -1);
        for (int i = 1; i <= 20; i++) {
            now += TimeUnit.SECONDS.toNanos(1);
            progress.progressed("vocab.json", i * 1_000_000L, -1);
        }
        assertEquals(1 + 4, log.lines.size(), log.lines::toString); // at 5, 10, 15 and 20 s
        assertEquals("INFO vocab.json: 5.0 MB", log.lines.get(1));
    }

    @Test
    void resumingSaysWhereAndWarningsAreWarnings() {
        Captured log = new Captured();
        LogProgress progress = new LogProgress(log, () -> now);
        progress.started("a.onnx", 50_000_000, 100_000_000);
        progress.progressed("a.onnx", 55_000_000, 100_000_000); // still in the 50% decile: quiet
        progress.warn("connection reset (attempt 1 of 4, resuming)");
        progress.info("installed tiny");
        assertEquals(List.of("INFO resuming a.onnx at 50.0 MB (100.0 MB)",
                "WARN connection reset (attempt 1 of 4, resuming)", "INFO installed tiny"), log.lines);
    }
}
