package dev.passerelle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.cli.FetchCommandProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs on the build machines, so the Dockerfile is checked as text against the
 * project: what it copies exists, it builds with the wrapper, runs on a Java 21 JRE as a non-root
 * user, exposes the application's port, points at the model where the manifests mount it, and its
 * fetch step uses options the fetch command accepts.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    /** Instructions with continuation lines joined and comments dropped. */
    static List<String> instructions() throws IOException {
        String joined = Files.readString(DOCKERFILE).replaceAll("\\\\\\n", " ");
        return joined.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void buildsWithTheWrapperAndRunsOnAJava21JreAsNonRoot() throws IOException {
        List<String> lines = instructions();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertTrue(froms.size() >= 3, "multi-stage");
        assertTrue(froms.get(froms.size() - 1).matches("FROM eclipse-temurin:21-jre.*"), froms.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN ./mvnw") && l.contains("package")));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertFalse(user.endsWith(" root") || user.endsWith(" 0"), user);
        assertEquals("EXPOSE " + ManifestsTest.productionPort(),
                lines.stream().filter(l -> l.startsWith("EXPOSE")).findFirst().orElseThrow());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("/deployments/quarkus-run.jar")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("MaxRAMPercentage")), "container-aware memory flags");
    }

    @Test
    void everythingCopiedFromTheContextExistsAndIsNotIgnored() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        for (String line : instructions()) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                String[] parts = line.replaceAll("--chown=\\S+", "").trim().split("\\s+");
                for (String source : Arrays.copyOfRange(parts, 1, parts.length - 1)) {
                    assertTrue(Files.exists(Path.of(source)), "COPY source " + source);
                    assertFalse(ignored.contains(source) || ignored.contains(source.replaceAll("/$", "") + "/"),
                            source + " is in .dockerignore");
                }
            }
        }
        assertTrue(ignored.contains("target/") && ignored.contains("models/*/") && ignored.contains("!models/opus-mt-fr-en.json"));
    }

    @Test
    void theModelGoesWhereTheServiceAndTheManifestsLookForIt() throws IOException {
        String text = String.join("\n", instructions());
        assertTrue(text.contains("PASSERELLE_MODEL_DIR=/models/opus-mt-fr-en"));
        assertTrue(text.contains("DJL_CACHE_DIR=/tmp/"), "DJL unpacks natives somewhere writable");
        Matcher fetch = Pattern.compile("quarkus-run\\.jar fetch-model (.*)").matcher(text);
        assertTrue(fetch.find(), "the bake step runs fetch-model");
        Matcher variant = Pattern.compile("ARG MODEL_VARIANT=(\\S+)").matcher(text);
        assertTrue(variant.find(), "the variant is a build argument with a default");
        List<String> args = Arrays.stream(fetch.group(1).strip().split("\\s+"))
                .map(a -> a.replace("\"", "").replace("${MODEL_VARIANT}", variant.group(1))).toList();
        FetchCommandProbe.parse(args);
        assertTrue(args.contains("/models/opus-mt-fr-en"));
    }
}
