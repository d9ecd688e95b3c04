package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.ComputeThreads;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/**
 * The window leaves one core to its rendering through the specs it builds (their threads), not
 * through a process-wide count: a form without that default builds runs with all cores, and opening
 * a saved run in the form keeps the window's threads.
 */
class WindowThreadsTest {

    @Test
    void theWindowsDefaultThreadsAreInTheSpecsItBuilds() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.target().set(TestPaths.digits().toString());
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
        assertEquals(0, vm.config().resources().threads(), "no window default: all available cores");

        int window = ComputeThreads.forTheWindow();
        vm.useThreads(window);
        assertEquals(window, vm.config().resources().threads());
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), window);

        vm.apply(RunSpec.defaults(TestPaths.digits().toString()).with(Settings.THREADS, 3)); // a CLI run opened
        assertEquals(window, vm.config().resources().threads(), "the window's runs keep the window's threads");
    }
}
