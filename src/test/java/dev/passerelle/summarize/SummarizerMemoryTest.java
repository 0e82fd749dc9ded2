package dev.passerelle.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The digest of the largest inputs the API accepts fits a small heap, with either ranking:
 * {@link LongInputDigest} runs in a child JVM limited to 256 MB (Surefire runs every test in one JVM with a larger heap). Before
 * the graph was capped, the 12,000 × 12,000 similarity matrix alone needed over a gigabyte.
 */
class SummarizerMemoryTest {

    private static String run(String... input) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xss8m: ONNX Runtime 1.29's environment start crashed (SIGSEGV) on the main thread of a bare
        // "java -cp" JVM with the default 1 MB to 4 MB stacks, though not under Surefire or the packaged jar.
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-Xss8m",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), LongInputDigest.class.getName()));
        command.addAll(List.of(input));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = p.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "child JVM did not finish");
        assertEquals(0, p.exitValue(), () -> "child JVM with -Xmx256m failed:\n" + out);
        List<String> lines = out.lines().filter(l -> l.startsWith("units=")).toList();
        assertEquals(1, lines.size(), out);
        return lines.get(0);
    }

    @Test
    void twelveThousandRepeatedLinesFitInAQuarterGigabyte() throws Exception {
        assertEquals("units=12000 bullets=7 first=a b c d", run("repeated"));
        assertEquals("units=12000 bullets=7 first=a b c d", run("repeated", "lexrank"));
    }

    @Test
    void tenThousandDistinctLinesFitInAQuarterGigabyte() throws Exception {
        String line = run("distinct");
        assertTrue(line.matches("units=10\\d{3} bullets=7 first=u v w [0-9a-z]+"), line);
        line = run("distinct", "lexrank");
        assertTrue(line.matches("units=10\\d{3} bullets=7 first=u v w 0"), line);
    }
}
