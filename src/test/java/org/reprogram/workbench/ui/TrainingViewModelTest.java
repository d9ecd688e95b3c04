package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/** ViewModel logic without a window or the FX thread. */
class TrainingViewModelTest {

    @Test
    void startIsDisabledUntilTheSetupIsValidAndProblemsAreExplained(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(runs, Runnable::run, Runnable::run);
        assertTrue(vm.problems.get().contains("target"), vm.problems.get());
        assertFalse(vm.canStart().get());
        vm.target.set(TestPaths.digits().toString());
        assertEquals("", vm.problems.get());
        assertTrue(vm.canStart().get());
        assertTrue(vm.datasetStatus.get().contains("10 classes, 1438 train / 359 test"), vm.datasetStatus.get());
        vm.target.set(runs.resolve("missing").toString());
        assertTrue(vm.problems.get().contains("missing") && vm.problems.get().contains("not found"), vm.problems.get());
        assertFalse(vm.canStart().get());
        vm.target.set(TestPaths.digits().toString());
        vm.lr.set("fast");
        assertTrue(vm.problems.get().contains("'fast' is not a number"), vm.problems.get());
        assertFalse(vm.canStart().get());
        vm.lr.set("0.01");
        vm.epochs.set(0);
        assertTrue(vm.problems.get().contains("epochs"), vm.problems.get());
        vm.epochs.set(3);
        vm.running.set(true);
        assertFalse(vm.canStart().get(), "no second start while running");
    }

    @Test
    void startRequestedWhileTheFolderIsReadStartsOnceItIsLoaded(@TempDir Path runs) {
        List<Runnable> pending = new ArrayList<>();
        TrainingViewModel vm = new TrainingViewModel(runs, pending::add, Runnable::run);
        vm.target.set(runs.resolve("missing").toString());
        vm.start();
        assertFalse(vm.running.get(), "still reading");
        pending.remove(0).run();
        assertFalse(vm.running.get(), "a folder that failed to load never starts");
        assertTrue(vm.problems.get().contains("not found"));
    }

    @Test
    void demoPresetFillsTheSetup(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(runs, Runnable::run, Runnable::run);
        vm.loadDemo();
        assertTrue(vm.target.get().endsWith("digits"));
        assertEquals(20, vm.epochs.get());
        assertEquals("", vm.problems.get());
    }

    @Test
    void sliderSelectsHistorySnapshotUnlessFollowingLive(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(runs, Runnable::run, Runnable::run);
        TrainingSnapshot a = snap(0);
        TrainingSnapshot b = snap(1);
        TrainingSnapshot live = snap(2);
        vm.history.addAll(a, b);
        vm.live.set(live);
        vm.followNewest.set(true);
        vm.historyIndex.set(0);
        assertSame(live, vm.shown());
        vm.followNewest.set(false);
        assertSame(a, vm.shown());
        vm.historyIndex.set(1);
        assertSame(b, vm.shown());
    }

    @Test
    void posterDeliversOnlyTheNewestValueWithOneQueuedHandOver() {
        List<Runnable> queue = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        SnapshotPoster<Integer> poster = new SnapshotPoster<>(queue::add, delivered::add);
        for (int i = 0; i < 100; i++) {
            poster.post(i);
        }
        assertEquals(1, queue.size(), "a burst queues one hand-over, not one per value");
        queue.remove(0).run();
        assertEquals(List.of(99), delivered);
        poster.post(100);
        assertEquals(1, queue.size());
        queue.remove(0).run();
        assertEquals(List.of(99, 100), delivered);
    }

    private static TrainingSnapshot snap(int epoch) {
        return new TrainingSnapshot(epoch, epoch * 10L, true, 1, 2, 2, new float[4], new float[][] {{1f}}, null,
                List.of(), null, null, null);
    }
}
