package org.reprogram.workbench.ui.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.TrialRecord;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The Studies tab's ViewModel on an in-process backend (the built-in model, sample digits, 10 shots):
 * a 2-trial study from a base run spec reaches "completed" for both trials with a leaderboard; a bad
 * value of a varied setting is the spec reader's error under that setting and blocks Launch; a
 * cancelled study leaves a folder that Open + Resume finish.
 */
class StudiesViewModelTest {

    @TempDir
    Path tmp;

    private final AtomicReference<RunRecord> opened = new AtomicReference<>();

    private static RunSpec base(int epochs) {
        return RunSpec.defaults(TestPaths.digits().toString()).with(Settings.SHOTS, 10).with(Settings.EPOCHS, epochs);
    }

    private StudiesViewModel vm(TaskExecutor executor, RunSpec base, int parallel) {
        StudiesViewModel vm = new StudiesViewModel(executor, new RunStore(tmp.resolve("runs")), () -> base, () -> "",
                FakeStudyBackend.factory(parallel), opened::set);
        vm.form.name.set("vm-test");
        vm.form.folder.set(tmp.resolve("study").toString());
        vm.form.seeds.set("1");
        vm.form.linearProbe.set(false);
        vm.form.refreshBase();
        vm.form.vary(ParameterRegistry.get("mapping"));
        return vm;
    }

    @Test
    void aTwoTrialStudyCompletesBothTrialsAndFillsTheLeaderboard() throws Exception {
        SyncTaskExecutor executor = new SyncTaskExecutor();
        StudiesViewModel vm = vm(executor, base(1), 2);
        vm.form.varied.get(0).values().set("flm, ilm");
        assertTrue(vm.form.valid.get(), vm.form.error(StudyDraft.BASE).get() + vm.form.error("param:mapping").get());
        assertTrue(vm.form.estimate.get().startsWith("2 trials x 1 epoch; time unknown until the first trial"
                + " finishes"), vm.form.estimate.get());
        assertTrue(vm.canLaunch().get());

        vm.launch(); // inline: returns when the study has ended

        assertFalse(vm.running.get(), vm.status.get());
        assertTrue(vm.status.get().startsWith("Study finished"), vm.status.get());
        assertEquals(2, vm.trials.size());
        vm.trials.forEach(t -> assertEquals(TrialRow.COMPLETED, t.state(), t.toString()));
        vm.trials.forEach(t -> assertEquals("1 / 1", t.epoch(), t.toString()));
        assertEquals(List.of("mapping flm", "mapping ilm"), vm.trials.stream().map(TrialRow::configuration).sorted()
                .toList());
        assertEquals(2, vm.leaderboard.size(), vm.leaderboard.toString());
        assertEquals(1, vm.leaderboard.get(0).n());
        assertFalse(vm.summary.get().isBlank());
        assertEquals("in-process: 2 trials at once x 1 thread each", vm.backendLine.get());
        assertEquals(2, vm.coordinates.get().lines().size());
        assertEquals(List.of("mapping", ParallelData.METRIC), vm.coordinates.get().axes().stream()
                .map(ParallelData.Axis::name).toList());
        assertTrue(Files.isRegularFile(tmp.resolve("study").resolve(StudyFolder.SPEC)));

        vm.openTrial(vm.trials.get(1)); // the Runs tab's way of opening a run gets the trial's folder
        assertEquals(tmp.resolve("study").resolve(StudyFolder.RUNS).resolve(vm.trials.get(1).id()), opened.get().dir());
    }

    @Test
    void successiveHalvingShowsRungsAndTheHaltedConfiguration() {
        StudiesViewModel vm = vm(new SyncTaskExecutor(), base(2), 2);
        vm.form.varied.get(0).values().set("flm, ilm");
        vm.form.halving.set(true);
        vm.form.minIter.set("1");
        vm.form.eta.set("2");
        assertTrue(vm.canLaunch().get(), vm.form.error(StudyDraft.HALVING).get());
        assertTrue(vm.form.estimate.get().startsWith("2 trials x 2 epochs"), vm.form.estimate.get());

        vm.launch();

        assertTrue(vm.status.get().startsWith("Study finished"), vm.status.get());
        List<String> rows = vm.trials.stream().map(t -> t.state() + " rung " + t.rung() + " epoch " + t.epoch())
                .sorted().toList();
        assertEquals(List.of("completed rung 2 / 2 epoch 2 / 2", "halted rung 1 / 2 epoch 1 / 2"), rows);
        assertEquals(1, vm.leaderboard.size(), "the halted configuration is not ranked: " + vm.leaderboard);
    }

    @Test
    void aBadValueOfAVariedSettingIsShownUnderItAndBlocksLaunch() {
        StudiesViewModel vm = vm(new SyncTaskExecutor(), base(1), 1);
        vm.form.vary(ParameterRegistry.get("optimization.lr"));
        vm.form.varied.get(1).values().set("0.05, fast");
        String error = vm.form.error("param:optimization.lr").get();
        assertTrue(error.startsWith("error: ") && error.contains("optimization.lr") && error.contains("fast"), error);
        assertFalse(error.contains(".yaml"), "no temporary file name in the message: " + error);
        assertEquals("", vm.form.error("param:mapping").get());
        assertFalse(vm.form.valid.get());
        assertFalse(vm.canLaunch().get());
        vm.launch();
        assertFalse(Files.exists(tmp.resolve("study")), "nothing launched");

        vm.form.varied.get(1).values().set("0.05, 0.1");
        assertEquals("", vm.form.error("param:optimization.lr").get());
        assertTrue(vm.canLaunch().get());
        vm.trainingBusy.set(true); // the Train tab trains: the study waits, and says why
        assertFalse(vm.canLaunch().get());
        assertEquals(StudiesViewModel.TRAINING, vm.blockedReason().get());
        vm.launch();
        assertFalse(Files.exists(tmp.resolve("study")), "nothing launched");
        vm.trainingBusy.set(false);
        assertTrue(vm.canLaunch().get());
        assertEquals("", vm.blockedReason().get());

        vm.form.seeds.set("two");
        assertTrue(vm.form.error(StudyDraft.SEEDS).get().startsWith("error: "), vm.form.error(StudyDraft.SEEDS).get());
        assertFalse(vm.canLaunch().get());
    }

    @Test
    void aCancelledStudyLeavesAFolderThatOpenAndResumeFinish() throws Exception {
        ThreadTaskExecutor executor = new ThreadTaskExecutor();
        StudiesViewModel vm = vm(executor, base(3), 1);
        executor.read(() -> {
            vm.form.varied.get(0).values().set("flm, ilm");
            return null;
        });
        waitFor(() -> executor.read(() -> vm.canLaunch().get()), 20);
        executor.read(() -> {
            vm.launch();
            return null;
        });
        // live epochs (local mode): a trial in flight shows its finished epochs before it comes back
        waitFor(() -> executor.read(() -> vm.trials.stream().anyMatch(t -> t.state().equals(TrialRow.IN_FLIGHT)
                && !t.epoch().startsWith("0 /") && !t.validation().isEmpty())), 60);
        assertTrue(executor.read(() -> !vm.canLaunch().get() && vm.blockedReason().get().equals(StudiesViewModel.BLOCKED)));
        executor.read(() -> {
            vm.cancel();
            return null;
        });
        waitFor(() -> executor.read(() -> !vm.running.get()), 60);
        assertTrue(executor.read(() -> vm.status.get()).startsWith("Study cancelled"), executor.read(vm.status::get));

        Path dir = tmp.resolve("study");
        List<TrialRecord> states = StudyFolder.open(dir).trialStates();
        assertEquals(2, states.size());
        assertTrue(states.stream().anyMatch(s -> !s.completed()), "the cancel left work: " + states);

        StudiesViewModel other = vm(executor, base(3), 2); // a new window opens the folder
        executor.read(() -> {
            other.open(dir);
            return null;
        });
        waitFor(() -> executor.read(() -> dir.equals(other.study.get()) && other.canResume().get()), 20);
        executor.read(() -> {
            other.resume();
            return null;
        });
        waitFor(() -> executor.read(() -> !other.running.get()), 120);
        assertTrue(executor.read(other.status::get).startsWith("Study finished"), executor.read(other.status::get));
        StudyFolder.open(dir).trialStates().forEach(s -> assertTrue(s.completed(), s.toString()));
        assertEquals(2, executor.read(() -> other.leaderboard.size()));
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
