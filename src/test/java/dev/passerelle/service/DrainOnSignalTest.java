package dev.passerelle.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The exit status after a drained stop; the signal path itself runs in {@code SignalShutdownIT}. */
class DrainOnSignalTest {

    @Test
    void sigtermIsAnOrderlyStopAndSigintKeepsTheShellConvention() {
        assertEquals(0, DrainOnSignal.exitCode("TERM", 15));
        assertEquals(130, DrainOnSignal.exitCode("INT", 2));
    }
}
