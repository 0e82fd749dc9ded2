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
 * project: what it copies exists, it builds with the wrapper, runs on a Java 17 JRE (what CI tests) as a non-root
 * user who owns none of the application's files, on base images pinned to released versions (build
 * arguments), exposes the application's ports, points at the model where the manifests mount it,
 * and its fetch step uses options the fetch command accepts.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    /** Instructions with continuation lines joined and comments dropped. */
    static List<String> instructions() throws IOException {
        String joined = Files.readString(DOCKERFILE).replaceAll("\\\\\\n", " ");
        return joined.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void buildsWithTheWrapperAndRunsOnAJava17JreAsNonRoot() throws IOException {
        List<String> lines = instructions();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertTrue(froms.size() >= 3, "multi-stage");
        assertEquals("FROM ${RUN_IMAGE}", froms.get(froms.size() - 1));
        assertTrue(arg(lines, "RUN_IMAGE").matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre"), arg(lines, "RUN_IMAGE"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN ./mvnw") && l.contains("package")));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertFalse(user.endsWith(" root") || user.endsWith(" 0"), user);
        assertEquals("EXPOSE " + ManifestsTest.productionPort() + " " + ManifestsTest.managementPort(),
                lines.stream().filter(l -> l.startsWith("EXPOSE")).findFirst().orElseThrow());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("/deployments/quarkus-run.jar")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("MaxRAMPercentage")), "container-aware memory flags");
    }

    /** The default of a build argument. */
    static String arg(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith("ARG " + name + "=")).findFirst()
                .map(l -> l.substring(("ARG " + name + "=").length())).orElseThrow(() -> new AssertionError("no ARG " + name));
    }

    @Test
    void baseImagesArePinnedBuildArguments() throws IOException {
        List<String> lines = instructions();
        // Declared before the first FROM, so that FROM can use them.
        int firstFrom = lines.indexOf(lines.stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow());
        for (String name : List.of("BUILD_IMAGE", "RUN_IMAGE")) {
            String image = arg(lines, name);
            assertTrue(lines.indexOf("ARG " + name + "=" + image) < firstFrom, name + " before the first FROM");
            // A released version (17.0.15_6), never a moving tag such as 17-jdk or latest.
            assertTrue(image.matches("eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-(jdk|jre)"), name + "=" + image);
        }
        assertEquals("FROM ${BUILD_IMAGE} AS build", lines.stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow());
        assertTrue(lines.stream().filter(l -> l.startsWith("FROM ")).noneMatch(l -> l.contains(":latest")));
    }

    @Test
    void theApplicationIsRootOwnedAndTheRuntimeUserWritesOnlyTmp() throws IOException {
        List<String> lines = instructions();
        int user = lines.indexOf(lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow());
        assertEquals("USER 10001", lines.get(user));
        for (String line : lines) {
            assertFalse(line.startsWith("COPY") && line.contains("--chown"), "copied files stay root's: " + line);
            assertFalse(line.startsWith("RUN") && line.matches(".*\\b(chown|chmod)\\b.*"), "no ownership changes: " + line);
        }
        assertTrue(lines.subList(user, lines.size()).stream().noneMatch(l -> l.startsWith("COPY") || l.startsWith("RUN")),
                "nothing is copied or run as the runtime user");
        assertTrue(lines.stream().anyMatch(l -> l.contains("-Djava.io.tmpdir=/tmp")), "temporary files in /tmp");
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
        Matcher fetch = Pattern.compile("quarkus-run\\.jar fetch-model ([^;&]*)").matcher(text);
        assertTrue(fetch.find(), "the bake step runs fetch-model");
        Matcher variant = Pattern.compile("ARG MODEL_VARIANT=(\\S+)").matcher(text);
        assertTrue(variant.find(), "the variant is a build argument with a default");
        List<String> args = Arrays.stream(fetch.group(1).strip().split("\\s+"))
                .map(a -> a.replace("\"", "").replace("${MODEL_VARIANT}", variant.group(1))).toList();
        FetchCommandProbe.parse(args);
        assertTrue(args.contains("/models/opus-mt-fr-en"));
    }
}
