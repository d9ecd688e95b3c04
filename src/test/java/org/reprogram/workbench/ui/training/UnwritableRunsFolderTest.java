package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.runs.BaselineQueueViewModel;

/** Issue 9: the GUI checks the runs folder before it asks the engine to load anything. */
class UnwritableRunsFolderTest {

    @Test
    void trainingAndBaselinesStopBeforeTheEngineWhenTheRunsFolderCannotBeWritten(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        RunStore store = new RunStore(file.resolve("runs"));
        AtomicInteger engineCalls = new AtomicInteger();

        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), store, (c, d, dir, l, ctl) -> {
            engineCalls.incrementAndGet();
            return null;
        });
        vm.start(TrainingViewModelTest.CONFIG, null);
        assertFalse(vm.running.get());
        assertEquals(TrainingViewModel.Level.ERROR, vm.bannerLevel.get());
        assertTrue(vm.banner.get().contains(file + " is a file, not a folder")
                && vm.banner.get().contains(TrainingViewModel.RUNS_FOLDER_FIX),
                vm.banner.get());

        BaselineQueueViewModel queue = new BaselineQueueViewModel(new SyncTaskExecutor(), store, (c, dir, l, ctl) -> {
            engineCalls.incrementAndGet();
            return null;
        });
        queue.runAll(TrainingViewModelTest.CONFIG);
        assertFalse(queue.running.get());
        assertTrue(queue.status.get().contains(file + " is a file, not a folder"), queue.status.get());
        assertEquals(0, engineCalls.get(), "nothing was loaded");
    }
}
