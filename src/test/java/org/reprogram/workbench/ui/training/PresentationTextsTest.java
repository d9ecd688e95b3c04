package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/**
 * Presentation mode's words (no window): the large line saying what happens, editable and kept;
 * notices leave the room's view while warnings stay; the program caption while paused.
 */
class PresentationTextsTest {

    @Test
    void eachRunProposesItsLineAndTheUsersOwnLineIsKept(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                TrainingViewModelTest.scripted("completed", null));
        assertEquals("", vm.story.text().get());
        vm.start(TrainingViewModelTest.CONFIG, null);
        assertEquals("The src classifier learns to read digits",
                vm.story.text().get(), "the run's own line, from its models");
        vm.story.text().set("a clothing classifier learns to read digits"); // typed in presentation mode
        assertTrue(vm.story.edited());
        vm.start(TrainingViewModelTest.CONFIG, null);
        assertEquals("a clothing classifier learns to read digits", vm.story.text().get(), "kept for the next run");
        vm.story.text().set("");
        assertEquals("The src classifier learns to read digits",
                vm.story.text().get(), "cleared: the run's own line again");
        assertFalse(vm.story.edited());
    }

    @Test
    void inPresentationModeANoticeLeavesTheScreenAndAWarningStays(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                TrainingViewModelTest.scripted("completed", null, "no GPU visible: training on CPU"));
        vm.start(TrainingViewModelTest.CONFIG, null);
        assertEquals(TrainingViewModel.Level.INFO, vm.bannerLevel.get());
        assertTrue(vm.bannerShown.get(), "at the keyboard the notice shows");
        vm.togglePresentation();
        assertFalse(vm.bannerShown.get(), "the GPU notice is not for the room");

        TrainingViewModel warned = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                TrainingViewModelTest.scripted("completed", "collapse: every validation sample is predicted as 'x'"));
        warned.togglePresentation();
        warned.start(TrainingViewModelTest.CONFIG, null);
        assertEquals(TrainingViewModel.Level.WARNING, warned.bannerLevel.get());
        assertTrue(warned.bannerShown.get(), "a warning stays in presentation mode");
    }

    @Test
    void whilePausedTheCaptionSaysPausedNotThatTrainingGoesOn(@TempDir Path runs) {
        List<String> captions = new ArrayList<>();
        TrainingViewModel[] vm = new TrainingViewModel[1];
        TrainingBackend backend = (cfg, data, dir, l, ctl) -> {
            dir.create();
            l.onStart(TrainingViewModelTest.info());
            l.onSnapshot(TrainingViewModelTest.snap(0, 0, false));
            l.onEpoch(TrainingViewModelTest.metrics(1, null));
            l.onSnapshot(TrainingViewModelTest.snap(1, 5, true));
            vm[0].pauseResume(); // paused, following the newest state
            captions.add(vm[0].programCaption.get());
            vm[0].history.select(0); // looking back while paused
            captions.add(vm[0].programCaption.get());
            vm[0].pauseResume(); // training goes on
            captions.add(vm[0].programCaption.get());
            return TrainingViewModelTest.result("completed", null);
        };
        vm[0] = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs), backend);
        vm[0].start(TrainingViewModelTest.CONFIG, null);
        assertTrue(captions.get(0).startsWith("paused · epoch 1 end"), captions.get(0));
        assertTrue(captions.get(1).startsWith("not live (training paused) · initial program"), captions.get(1));
        assertTrue(captions.get(2).startsWith("not live (training goes on) · initial program"), captions.get(2));
    }
}
