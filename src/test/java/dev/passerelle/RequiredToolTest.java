package dev.passerelle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing program skips a test with the line that installs it, or fails it where tools are required. */
class RequiredToolTest {

    private static final RequiredTool ABSENT = new RequiredTool("frobnicator", "passerelle-frobnicator",
            List.of("passerelle-no-such-tool"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void aMissingToolSkipsWithTheInstallLine() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> ABSENT.check(false));
        assertEquals("needs frobnicator: apt-get install passerelle-frobnicator", skipped.getMessage());
    }

    @Test
    void aMissingToolFailsWithTheSameLineWhereToolsAreRequired() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> ABSENT.check(true));
        assertEquals("needs frobnicator: apt-get install passerelle-frobnicator", failed.getMessage());
    }

    @Test
    void oneMissingExecutableIsEnough() {
        RequiredTool half = new RequiredTool("java and frobnicator", "x", List.of(JAVA, "passerelle-no-such-tool"));
        assertFalse(half.present());
        assertThrows(TestAbortedException.class, () -> half.check(false));
    }

    @Test
    void aPresentToolNeitherSkipsNorFails() {
        RequiredTool java = new RequiredTool("java", "openjdk-17-jdk-headless", List.of(JAVA));
        assertTrue(java.present());
        assertDoesNotThrow(() -> java.check(false));
        assertDoesNotThrow(() -> java.check(true));
    }

    @Test
    void bareNamesAreLookedUpOnThePathAndAbsolutePathsAsTheyAre() {
        assertTrue(RequiredTool.found("sh"), "sh is on every PATH");
        assertFalse(RequiredTool.found("passerelle-no-such-tool"));
        assertTrue(RequiredTool.found(JAVA));
        assertFalse(RequiredTool.found("/nonexistent/bin/sh"));
    }

    @Test
    void theSystemPropertyRequiresTools() {
        String before = System.getProperty(RequiredTool.REQUIRE_PROPERTY);
        try {
            System.setProperty(RequiredTool.REQUIRE_PROPERTY, "true");
            assertTrue(RequiredTool.required());
        } finally {
            if (before == null) {
                System.clearProperty(RequiredTool.REQUIRE_PROPERTY);
            } else {
                System.setProperty(RequiredTool.REQUIRE_PROPERTY, before);
            }
        }
    }

    @Test
    void theMessagesNameTheDebianPackages() {
        assertEquals("needs chromium and chromedriver: apt-get install chromium chromium-driver",
                RequiredTool.CHROMIUM.reason());
        assertEquals("needs kubectl: apt-get install kubernetes-client", RequiredTool.KUBECTL.reason());
    }
}
