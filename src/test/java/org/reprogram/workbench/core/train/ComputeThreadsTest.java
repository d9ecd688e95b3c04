package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The window's default leaves a core to rendering; never below one thread; an explicit count wins. */
class ComputeThreadsTest {

    @Test
    void theWindowsDefaultLeavesOneCoreButNeverGoesBelowOneThread() {
        assertEquals(16, ComputeThreads.defaultCount(16, 0));
        assertEquals(15, ComputeThreads.defaultCount(16, 1));
        assertEquals(1, ComputeThreads.defaultCount(2, 1));
        assertEquals(1, ComputeThreads.defaultCount(1, 1));
    }

    @Test
    void theWindowsDefaultIsInEffectAndNamedWithTheDevice() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            ComputeThreads.leaveOneCoreForTheWindow();
            assertEquals(Math.max(1, cores - 1), ComputeThreads.count());
            int n = Math.max(1, cores - 1);
            assertEquals("cpu, " + (n == 1 ? "1 thread" : n + " threads"),
                    ComputeThreads.describe(ai.djl.Device.cpu()));
        } finally {
            ComputeThreads.reserve(0);
        }
    }

    @Test
    void countsAboveFourPerCoreAndNegativeCountsAreRefusedWithTheAllowedRange() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(4 * cores, ComputeThreads.max());
        try {
            ComputeThreads.set(ComputeThreads.max()); // the largest allowed count is accepted
            assertEquals(4 * cores, ComputeThreads.count());
            for (int bad : new int[] {1000, ComputeThreads.max() + 1, -1}) {
                org.reprogram.workbench.core.UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                        org.reprogram.workbench.core.UserInputException.class, () -> ComputeThreads.set(bad));
                assertTrue(e.getMessage().startsWith("--threads " + bad + " is "), e.getMessage());
                assertTrue(e.getMessage().contains("Fix: give 1.." + 4 * cores + ", or 0 for all " + cores + " cores"),
                        e.getMessage());
            }
            assertEquals(4 * cores, ComputeThreads.count(), "a refused count changes nothing");
        } finally {
            ComputeThreads.set(0);
        }
    }

    @Test
    void anExplicitCountWinsOverTheReservedCore() {
        try {
            ComputeThreads.set(3);
            ComputeThreads.leaveOneCoreForTheWindow();
            assertEquals(3, ComputeThreads.count());
            assertEquals("cpu, 3 threads", ComputeThreads.describe(ai.djl.Device.cpu()));
        } finally {
            ComputeThreads.set(0);
            ComputeThreads.reserve(0);
        }
    }
}
