package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.predict.SmallRuns;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/** Replaying a saved run fills the Samples panel again, or says exactly why it cannot. */
class ReplayGalleryTest {

    private TrainingViewModel vm;

    /** The replayed run's source model is native memory: close it (DJL warns about unclosed models). */
    @org.junit.jupiter.api.AfterEach
    void closeReplay() {
        if (vm != null) {
            vm.samples.closeReplay();
        }
    }

    private TrainingViewModel vm(Path runs) {
        vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs), (c, d, dir, l, ctl) -> {
            throw new AssertionError("no training here");
        });
        return vm;
    }

    /** A 3-epoch run of PROGRAM + MAPPING on the digits 0-4 copied into TMP, in TMP/runs. */
    private static Path trained(Path tmp, String program, String mapping) throws Exception {
        Path run = tmp.resolve("runs/" + program);
        SmallRuns.train(SmallRuns.config(SmallRuns.TINY.toString(), SmallRuns.digits5(tmp), program, mapping,
                "whitebox"), run);
        return run;
    }

    @Test
    void replayRecomputesTheCardsOfEveryEpochTheSliderShows(@TempDir Path tmp) throws Exception {
        Path run = trained(tmp, "pad", "ilm");
        TrainingViewModel vm = vm(tmp.resolve("runs"));
        vm.replay(RunStore.load(run, true));
        assertEquals(SampleViews.HINT, vm.samples.hint.get());
        assertEquals(8, vm.samples.items.size(), "5 classes, a page filled up to 8 images");
        assertTrue(vm.samples.items.stream().allMatch(g -> g.original() != null && g.programmed() != null),
                "target images read again from the run's folder");
        vm.history.select(1);
        assertEquals(8, vm.samples.items.size(), "epoch 1 too");
        assertEquals(SampleViews.HINT, vm.samples.hint.get());
        vm.history.select(0);
        assertTrue(vm.samples.items.isEmpty(), "before training: no predictions were recorded");
        assertTrue(vm.samples.hint.get().contains("move the slider to epoch 1"), vm.samples.hint.get());
    }

    @Test
    void anSmmRunReplaysTheEpochOfItsSavedStateOnly(@TempDir Path tmp) throws Exception {
        Path run = trained(tmp, "smm", "flm");
        TrainingViewModel vm = vm(tmp.resolve("runs"));
        vm.replay(RunStore.load(run, true));
        assertEquals(SampleViews.HINT_MASKS, vm.samples.hint.get(), "the last epoch, with its masks");
        assertEquals(8, vm.samples.items.size());
        vm.history.select(1);
        assertTrue(vm.samples.items.isEmpty());
        assertTrue(vm.samples.hint.get().contains("move the slider to epoch 3"), vm.samples.hint.get());
    }

    @Test
    void aMissingTargetFolderIsNamed(@TempDir Path tmp) throws Exception {
        Path run = trained(tmp, "pad", "ilm");
        Path target = tmp.resolve("digits5");
        try (Stream<Path> all = Files.walk(target)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        TrainingViewModel vm = vm(tmp.resolve("runs"));
        vm.replay(RunStore.load(run, true));
        assertTrue(vm.samples.items.isEmpty());
        assertTrue(vm.samples.hint.get().startsWith("The samples cannot be recomputed: "), vm.samples.hint.get());
        assertTrue(vm.samples.hint.get().contains(target.getFileName().toString()), vm.samples.hint.get());
    }
}
