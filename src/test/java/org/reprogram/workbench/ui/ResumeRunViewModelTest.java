package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingBackend;
import org.reprogram.workbench.core.train.RunStatus;

/** The Runs tab's Resume: an interrupted run continues live in the Train tab and ends completed. */
class ResumeRunViewModelTest {

    @Test
    void interruptedRunResumesFromTheRunsTab(@TempDir Path runs) throws Exception {
        RunSpec cfg = RunSpec.defaults(TestPaths.digits().toString())
                .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "flm").with(Settings.EPOCHS, 3)
                .with(Settings.DEVICE, "cpu").with(Settings.SHOTS, 5).with(Settings.VAL_FRACTION, 0.1);
        Path dir = runs.resolve("cut");
        TrainingControl control = new TrainingControl();
        RunLauncher.run(cfg, null, dir, new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                control.interrupt();
            }
        }, control, 0);

        WorkbenchViewModel vm = new WorkbenchViewModel(new SyncTaskExecutor(), new RunStore(runs), TrainingBackend.engine(0));
        vm.runs.refresh();
        RunRecord cut = vm.runs.runs().stream().filter(r -> r.name().equals("cut")).findFirst().orElseThrow();
        assertEquals("interrupted", cut.status());
        assertTrue(cut.isResumable());

        vm.resumeRun(cut);
        assertEquals(WorkbenchViewModel.TRAIN_TAB, vm.tab.get());
        assertEquals(TestPaths.digits().toString(), vm.setup.target().get(), "the setup shows the resumed run's target");
        assertFalse(vm.training.running.get());
        assertEquals(RunStatus.COMPLETED, vm.training.result.get().status(), vm.training.status.get());
        assertEquals(List.of(1, 2, 3), vm.training.metrics.stream().map(EpochMetrics::epoch).toList(),
                "the epoch done before the interruption, then the two left, live");
        assertEquals(dir, vm.training.runDir.get());
        RunRecord done = RunStore.load(dir, false);
        assertEquals("completed", done.status());
        assertEquals(3, done.metrics().size());
        assertFalse(done.isResumable());

        vm.resumeRun(done);
        assertTrue(vm.runs.message.get().contains("cannot be resumed"), vm.runs.message.get());
    }
}
