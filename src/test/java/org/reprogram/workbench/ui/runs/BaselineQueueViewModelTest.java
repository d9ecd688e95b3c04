package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

class BaselineQueueViewModelTest {

    private static final RunSpec SETUP = RunSpec.defaults("digits").with(Settings.EPOCHS, 3)
            .with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05).with(Settings.SEED, 7L).with(Settings.SHOTS, 20)
            .with(Settings.VAL_FRACTION, 0.2);

    private static TrainingResult result(RunSpec c, String status) {
        return TrainingResult.builder().status(RunStatus.valueOf(status.toUpperCase(Locale.ROOT)))
                .message(status.equals("completed") ? null : "cancelled by the user").testAccuracy(0.9)
                .testLoss(0.3).bestValAccuracy(0.8).parameters(100, 1000).wallSeconds(2.0)
                .epochs(c.optimization().epochs()).seed(c.seed()).program("-").mapping("-").trainer("baseline")
                .source(c.source()).target(c.data().target()).device("cpu()").imagesPerSecond(100)
                .peakRssMegabytes(300).method(c.method().id()).testAccuracyAtBestVal(0.9).bestEpoch(2).build();
    }

    @Test
    void runsTheThreeBaselinesOnTheSetupsDataAndSeedOneAfterAnother(@TempDir Path tmp) {
        List<RunSpec> seen = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        BaselineQueueViewModel vm = new BaselineQueueViewModel(new SyncTaskExecutor(), new RunStore(tmp),
                (c, dir, listener, control) -> {
                    seen.add(c);
                    dirs.add(dir.create());
                    listener.onEpoch(new EpochMetrics(1, 1, 0.5, 1, 0.75, 0.01, 10, 1, 0, Double.NaN, null));
                    return result(c, "completed");
                });
        int[] refreshed = {0};
        vm.setOnEachFinished(() -> refreshed[0]++);
        vm.runAll(SETUP);
        assertEquals(List.of(Method.LINEAR_PROBE, Method.FINETUNE, Method.SCRATCH),
                seen.stream().map(RunSpec::method).toList());
        for (RunSpec c : seen) {
            assertEquals(SETUP.data().target(), c.data().target());
            assertEquals(SETUP.source(), c.source());
            assertEquals(7, c.seed());
            assertEquals(20, c.data().shots());
            assertEquals(0.2, c.data().valFraction());
            assertEquals(c.method() == Method.LINEAR_PROBE ? (int) Settings.EPOCHS.defaultFor(Method.LINEAR_PROBE) : 3,
                    c.optimization().epochs(), "the setup's epochs; the linear probe is trained to convergence (its cap)");
            assertEquals((double) Settings.LR.defaultFor(c.method()), c.optimization().lr());
        }
        assertEquals(3, dirs.stream().filter(Files::isDirectory).distinct().count(), "one new run folder each");
        assertEquals(3, refreshed[0]);
        assertFalse(vm.running.get());
        assertTrue(vm.items.stream().allMatch(i -> i.state().startsWith("test 0.900")), vm.items.toString());
        assertTrue(vm.status.get().contains("finished"), vm.status.get());
    }

    @Test
    void aLinearProbeThatCannotRunIsSkippedWithItsReasonAndTheOthersStillRun(@TempDir Path tmp) {
        Path pt = TestPaths.fixtures().resolve("torchscript").resolve("tiny_cnn.pt"); // no featuresMethod
        List<Method> seen = new ArrayList<>();
        BaselineQueueViewModel vm = new BaselineQueueViewModel(new SyncTaskExecutor(), new RunStore(tmp),
                (c, dir, listener, control) -> {
                    seen.add(c.method());
                    return result(c, "completed");
                });
        vm.runAll(SETUP.withSource(pt.toString()));
        assertEquals(List.of(Method.FINETUNE, Method.SCRATCH), seen, "fine-tune and scratch still run");
        assertEquals("skipped", vm.items.get(0).state());
        assertTrue(vm.items.get(1).state().startsWith("test") && vm.items.get(2).state().startsWith("test"),
                vm.items.toString());
        String status = vm.status.get();
        assertTrue(status.startsWith("Baselines finished") && status.contains("linear probe skipped: ")
                && status.contains("tiny_cnn.pt.json has no \"featuresMethod\"") && status.contains("Fix:"), status);
        assertFalse(vm.running.get());
    }

    @Test
    void aBaselineThatRefusesTheSetupIsSkippedAndTheNextOneStillRuns(@TempDir Path tmp) {
        List<Method> seen = new ArrayList<>();
        BaselineQueueViewModel vm = new BaselineQueueViewModel(new SyncTaskExecutor(), new RunStore(tmp),
                (c, dir, listener, control) -> {
                    seen.add(c.method());
                    if (c.method() == Method.FINETUNE) {
                        throw new UserInputException("model.pt cannot be fine-tuned. Fix: export it with trainParam");
                    }
                    return result(c, "completed");
                });
        vm.runAll(SETUP);
        assertEquals(List.of(Method.LINEAR_PROBE, Method.FINETUNE, Method.SCRATCH), seen);
        assertEquals("skipped", vm.items.get(1).state());
        assertTrue(vm.items.get(2).state().startsWith("test"), vm.items.toString());
        assertTrue(vm.status.get().contains("fine-tuning skipped: model.pt cannot be fine-tuned"), vm.status.get());
    }

    @Test
    void aRefusalCommonToAllBaselinesIsSaidOnce(@TempDir Path tmp) {
        BaselineQueueViewModel vm = new BaselineQueueViewModel(new SyncTaskExecutor(), new RunStore(tmp),
                (c, dir, listener, control) -> {
                    throw new UserInputException("digits has no readable images. Fix: choose a dataset folder");
                });
        vm.runAll(SETUP);
        assertEquals("Baselines stopped: digits has no readable images. Fix: choose a dataset folder", vm.status.get());
        assertTrue(vm.items.stream().allMatch(i -> i.state().equals("skipped")), vm.items.toString());
    }

    @Test
    void theProbesResultSaysItsIterationsAndFinalTrainingLoss(@TempDir Path tmp) {
        BaselineQueueViewModel vm = new BaselineQueueViewModel(new SyncTaskExecutor(), new RunStore(tmp),
                (c, dir, listener, control) -> TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(0.93).testLoss(0.2)
                        .bestValAccuracy(0.94).parameters(1290, 1000).wallSeconds(3.0).epochs(142)
                        .seed(c.seed()).program("-").mapping("-").trainer("baseline").source(c.source())
                        .target(c.data().target()).device("cpu()").imagesPerSecond(100).peakRssMegabytes(300)
                        .method(c.method().id()).testAccuracyAtBestVal(0.93).bestEpoch(100).finalTrainLoss(0.0234).build());
        vm.runAll(SETUP);
        assertEquals("test 0.930 (142 L-BFGS iterations, final training loss 0.0234, 3 s)", vm.items.get(0).state());
        assertEquals("test 0.930 (3 s)", vm.items.get(1).state());
    }

    @Test
    void cancelStopsTheRunningBaselineAndDropsTheQueuedOnes(@TempDir Path tmp) {
        List<Method> seen = new ArrayList<>();
        BaselineQueueViewModel[] holder = new BaselineQueueViewModel[1];
        BaselineQueueViewModel vm = new BaselineQueueViewModel(new SyncTaskExecutor(), new RunStore(tmp),
                (c, dir, listener, control) -> {
                    seen.add(c.method());
                    if (c.method() == Method.FINETUNE) {
                        holder[0].cancel(); // the user presses Cancel while fine-tuning runs
                        assertTrue(control.isCancelled(), "the running baseline gets the cancel");
                        return result(c, "cancelled");
                    }
                    return result(c, "completed");
                });
        holder[0] = vm;
        vm.runAll(SETUP);
        assertEquals(List.of(Method.LINEAR_PROBE, Method.FINETUNE), seen);
        assertTrue(vm.items.get(1).state().startsWith("cancelled"), vm.items.toString());
        assertEquals("not run", vm.items.get(2).state());
        assertEquals("Baselines cancelled.", vm.status.get());
        assertFalse(vm.running.get());
    }

    /** The status line names a baseline as the queue and the runs list do ("fine-tuning", not the CLI's "finetune"). */
    @Test
    void theStatusNamesTheBaselineAsTheQueueDoes(@TempDir Path tmp) {
        List<String> statuses = new ArrayList<>();
        BaselineQueueViewModel[] holder = new BaselineQueueViewModel[1];
        BaselineQueueViewModel vm = new BaselineQueueViewModel(new SyncTaskExecutor(), new RunStore(tmp),
                (c, dir, listener, control) -> {
                    dir.create();
                    listener.onEpoch(new EpochMetrics(1, 1, 0.5, 1, 0.75, 0.01, 10, 1, 0, Double.NaN, null));
                    statuses.add(holder[0].status.get());
                    return result(c, "completed");
                });
        holder[0] = vm;
        vm.runAll(SETUP);
        assertEquals(List.of("Baselines: linear probe, iteration 1/" + Settings.EPOCHS.defaultFor(Method.LINEAR_PROBE),
                "Baselines: fine-tuning, epoch 1/3", "Baselines: from scratch, epoch 1/3"), statuses);
    }
}
