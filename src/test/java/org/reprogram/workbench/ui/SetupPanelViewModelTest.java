package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingViewModelTest;

/** The collapsible setup panel: the toggle, presentation mode, and a narrow window while a run trains. */
class SetupPanelViewModelTest {

    private static WorkbenchViewModel vm(Path runs, SyncTaskExecutor ex) {
        return new WorkbenchViewModel(ex, new RunStore(runs),
                (c, d, dir, l, ctl) -> TrainingViewModelTest.result("completed", null));
    }

    @Test
    void theToggleHidesAndShowsTheSetupAndPresentationModeHidesIt(@TempDir Path runs) {
        WorkbenchViewModel vm = vm(runs, new SyncTaskExecutor());
        assertTrue(vm.setupVisible().get(), "shown at first");
        vm.toggleSetup();
        assertFalse(vm.setupShown.get());
        assertFalse(vm.setupVisible().get());
        vm.toggleSetup();
        assertTrue(vm.setupVisible().get());
        vm.training.togglePresentation();
        assertFalse(vm.setupVisible().get(), "presentation mode hides the setup");
        assertTrue(vm.setupShown.get(), "... without forgetting the user's choice");
        vm.training.togglePresentation();
        assertTrue(vm.setupVisible().get());
    }

    @Test
    void aNarrowWindowHidesTheSetupWhileARunTrainsAndBringsItBack(@TempDir Path runs) {
        SyncTaskExecutor ex = new SyncTaskExecutor(true);
        WorkbenchViewModel vm = vm(runs, ex);
        vm.narrow.set(true);
        vm.training.start(RunSpec.defaults("digits"), null);
        assertTrue(vm.training.running.get());
        assertFalse(vm.setupVisible().get(), "narrow window: the live views get the whole width");
        ex.runPending();
        assertFalse(vm.training.running.get());
        assertTrue(vm.setupVisible().get(), "back when the run has ended (Start is there)");

        vm.training.start(RunSpec.defaults("digits"), null);
        vm.toggleSetup(); // the user wants it back while training
        assertTrue(vm.setupVisible().get());
        vm.toggleSetup();
        ex.runPending();
        assertFalse(vm.setupVisible().get(), "hidden by the user: stays hidden after the run");

        WorkbenchViewModel wide = vm(runs, ex);
        wide.training.start(RunSpec.defaults("digits"), null);
        assertTrue(wide.setupVisible().get(), "a wide window keeps the setup");
        ex.runPending();
    }
}
