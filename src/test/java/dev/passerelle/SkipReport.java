package dev.passerelle;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Prints every skipped test with its reason: Maven's console otherwise shows only how many were skipped. */
public final class SkipReport implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        // An assumption that does not hold (RequiredTool) ends a test as aborted, which surefire counts as skipped.
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        System.err.println("[SKIPPED] " + name(test) + " -- " + reason);
    }

    static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            return m.getJavaClass().getSimpleName() + "." + m.getMethodName();
        }
        if (source instanceof ClassSource c) {
            return c.getJavaClass().getSimpleName();
        }
        return test.getDisplayName();
    }
}
