package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingBackend;

/**
 * The Studies tab in the window: its base follows the Train tab's setup (an incomplete setup is its
 * error, a complete one lets a study launch), and one thing trains at a time: a running study
 * disables Start with the reason in the status line, a running training disables Launch.
 */
class StudiesInWindowTest {

    @Test
    void theStudyBaseFollowsTheSetupAndOneThingTrainsAtATime(@TempDir Path runs) {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SyncTaskExecutor(), new RunStore(runs),
                TrainingBackend.engine(0));
        vm.studies.form.refreshBase();
        assertTrue(vm.studies.form.error("base").get().startsWith("error: the Train tab's setup is not ready"),
                vm.studies.form.error("base").get());
        assertFalse(vm.studies.canLaunch().get());

        vm.setup.useSampleDigits();
        assertEquals("", vm.studies.form.error("base").get(), "the setup's problems went away, so did the study's");
        vm.studies.form.vary(ParameterRegistry.get("mapping"));
        vm.studies.form.varied.get(0).values().set("flm, ilm");
        assertTrue(vm.studies.canLaunch().get(), vm.studies.form.error("param:mapping").get());

        vm.studies.running.set(true); // what launch() does while the study runs
        assertFalse(vm.canStart().get());
        assertEquals(WorkbenchViewModel.STUDY_RUNNING, vm.training.status.get());
        vm.studies.running.set(false);
        assertTrue(vm.canStart().get());
        assertTrue(vm.training.status.get().startsWith("Ready"), vm.training.status.get());

        vm.training.running.set(true);
        assertFalse(vm.studies.canLaunch().get());
        assertFalse(vm.studies.blockedReason().get().isEmpty());
    }
}
