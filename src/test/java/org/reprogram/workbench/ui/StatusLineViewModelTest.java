package org.reprogram.workbench.ui;

import org.reprogram.workbench.core.spec.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingBackend;

/** The status line before any run follows the setup: what is missing, then that Start is ready. */
class StatusLineViewModelTest {

    @Test
    void onceModelAndTargetAreChosenTheStatusSaysStartIsReady(@TempDir Path runs) {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SyncTaskExecutor(), new RunStore(runs),
                TrainingBackend.engine(0));
        assertEquals(vm.setup.modelCard().get() == null ? "Choose a source model and a target dataset."
                : "Choose a target dataset: a folder, or Sample digits.", vm.training.status.get());
        vm.setup.useSampleDigits();
        assertTrue(vm.canStart().get(), vm.setup.problems.toString());
        assertEquals("Ready: press Start training (or Start teaching demo for the preset).", vm.training.status.get(),
                "no longer asks for what is chosen");
        vm.setup.field(Settings.EPOCHS).set("zero");
        assertEquals("Not ready: 1 field needs attention (see the setup).", vm.training.status.get(),
                "a setup problem: not ready (the field says which)");
        vm.setup.field(Settings.EPOCHS).set("2");
        assertTrue(vm.training.status.get().startsWith("Ready: press Start"), vm.training.status.get());
    }

    /** With the built-in model loaded, the line asks only for the target, and never says "Ready." before Start is. */
    @Test
    void withTheModelChosenTheStatusAsksOnlyForTheTarget(@TempDir Path runs) {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SyncTaskExecutor(), new RunStore(runs),
                TrainingBackend.engine(0));
        assertTrue(vm.setup.modelCard().get() != null, "the built-in model loads at start");
        assertEquals("Choose a target dataset: a folder, or Sample digits.", vm.training.status.get());
        assertTrue(!vm.canStart().get() && !vm.training.status.get().startsWith("Ready"), vm.training.status.get());
    }
}
