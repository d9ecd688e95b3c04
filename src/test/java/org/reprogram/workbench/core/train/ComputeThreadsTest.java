package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.param.ProblemException;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;

/**
 * A run's thread count: the window's default leaves a core to rendering, never below one thread; an
 * explicit count wins; counts the machine cannot use are refused with the allowed range (by the
 * registry's declaration, {@link Settings#THREADS}).
 */
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
        int n = Math.max(1, cores - 1);
        assertEquals(n, ComputeThreads.forTheWindow());
        assertEquals(n, ComputeThreads.count(ComputeThreads.forTheWindow()));
        assertEquals("cpu, " + (n == 1 ? "1 thread" : n + " threads"),
                ComputeThreads.describe(ai.djl.Device.cpu(), ComputeThreads.forTheWindow()));
        assertEquals(cores, ComputeThreads.count(0), "0: all available cores");
    }

    @Test
    void countsAboveFourPerCoreAndNegativeCountsAreRefusedWithTheAllowedRange() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(4 * cores, ComputeThreads.max());
        RunSpec spec = RunSpec.defaults("x");
        RunSpec largest = Settings.THREADS.withText(spec, Integer.toString(ComputeThreads.max())); // accepted
        assertEquals(4 * cores, ComputeThreads.count(largest.resources().threads()));
        for (int bad : new int[] {1000, ComputeThreads.max() + 1, -1}) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> Settings.THREADS.withText(spec, Integer.toString(bad)));
            String words = ParameterRegistry.inWords(e.problems().get(0));
            assertTrue(words.startsWith("--threads " + bad + " is "), words);
            assertTrue(words.contains("Fix: give 1.." + 4 * cores + ", or 0 for all " + cores + " cores"), words);
            assertTrue(spec.with(Settings.THREADS, bad).problems().stream()
                    .anyMatch(p -> p.parameterId().equals(Settings.THREADS.id())), "a spec holding it is invalid");
        }
    }

    @Test
    void anExplicitCountWinsOverTheReservedCore() {
        assertEquals(3, ComputeThreads.count(3));
        assertEquals("cpu, 3 threads", ComputeThreads.describe(ai.djl.Device.cpu(), 3));
        try {
            System.setProperty("reprogram.threads", "3");
            assertEquals(Math.min(3, ComputeThreads.max()), ComputeThreads.forTheWindow());
        } finally {
            System.clearProperty("reprogram.threads");
        }
    }
}
