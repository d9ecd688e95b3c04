package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
