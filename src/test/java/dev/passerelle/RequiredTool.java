package dev.passerelle;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** A program a test needs that Maven cannot bring: skipped without it, failed instead where CI requires it. */
public record RequiredTool(String what, String debianPackages, List<String> executables) {

    /** Debian's headless browser and its driver, at the paths the browser test starts them from. */
    public static final RequiredTool CHROMIUM = new RequiredTool("chromium and chromedriver",
            "chromium chromium-driver", List.of("/usr/bin/chromium", "/usr/bin/chromedriver"));

    /**
     * kubectl on the PATH, for {@code kubectl kustomize}: any from 1.14 on, Debian 12's 1.20
     * (kustomize v2.0.3) included, since deploy/ keeps to the fields that version knows.
     */
    public static final RequiredTool KUBECTL = new RequiredTool("kubectl", "kubernetes-client", List.of("kubectl"));

    /** Set by CI (.ci/run), where a missing tool means a broken image, not a newcomer's machine. */
    public static final String REQUIRE_ENV = "PASSERELLE_REQUIRE_TOOLS";
    /** Not {@code passerelle.require-tools}: Quarkus refuses to start on unknown keys under its passerelle.* root. */
    public static final String REQUIRE_PROPERTY = "passerelle-require-tools";

    /** Skips the calling test when a program is missing; fails it instead when tools are required. */
    public void assume() {
        check(required());
    }

    /** The one-line reason: what is missing and how to install it on Debian. */
    public String reason() {
        return "needs " + what + ": apt-get install " + debianPackages;
    }

    /** Whether every executable is there: absolute paths as they are, bare names on the PATH. */
    public boolean present() {
        return executables.stream().allMatch(RequiredTool::found);
    }

    void check(boolean required) {
        if (present()) {
            return;
        }
        if (required) {
            Assertions.fail(reason());
        }
        Assumptions.abort(reason());
    }

    static boolean required() {
        return Boolean.parseBoolean(System.getenv(REQUIRE_ENV)) || Boolean.getBoolean(REQUIRE_PROPERTY);
    }

    static boolean found(String executable) {
        if (executable.contains(File.separator)) {
            return executable(Path.of(executable));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && executable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
