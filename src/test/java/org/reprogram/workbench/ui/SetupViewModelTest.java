package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.TrainConfig;

/** Setup validation without a window: Start is enabled exactly when the problems list is empty. */
class SetupViewModelTest {

    private static String text(SetupViewModel vm) {
        return String.join(" | ", vm.problems);
    }

    @Test
    void startIsEnabledOnlyForAValidSetupAndEveryProblemIsExplained(@TempDir Path tmp) {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        assertEquals("builtin:fmnist-cnn", vm.source.get());
        assertNotNull(vm.modelCard().get(), "built-in card is read");
        assertTrue(text(vm).contains("choose a target dataset folder"), text(vm));
        assertFalse(vm.valid().get());

        vm.target().set(TestPaths.digits().toString());
        assertEquals("", text(vm));
        assertTrue(vm.valid().get());
        assertTrue(vm.datasetSummary().get().contains("10 classes, 1438 train / 359 test"), vm.datasetSummary().get());
        assertEquals(10 * DatasetLoader.PREVIEW_PER_CLASS, vm.preview().size(), "a few images per class");

        vm.lr.set("fast");
        assertTrue(text(vm).contains("learning rate: 'fast' is not a number"), text(vm));
        assertFalse(text(vm).contains("must be a positive"), "one message per bad field: " + text(vm));
        assertFalse(vm.valid().get());
        vm.lr.set("0.01");
        vm.epochs.set("0");
        assertTrue(text(vm).contains("epochs must be at least 1"), text(vm));
        vm.epochs.set("2");
        vm.innerSize.set("40");
        assertTrue(text(vm).contains("inner size 40 leaves no frame on the 32x32 canvas"), text(vm));
        vm.program.set(ProgramKind.FULL);
        assertEquals("", text(vm), "full program ignores the inner size");
        assertTrue(vm.valid().get());

        vm.target().set(tmp.resolve("missing").toString());
        assertTrue(vm.datasetError().get().contains("not found"), vm.datasetError().get());
        assertTrue(text(vm).contains("not found"));
        assertNull(vm.dataset().get());
        assertFalse(vm.valid().get());
    }

    @Test
    void oneToOneMappingNeedsEnoughSourceClasses() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        vm.mapping.set(MappingKind.RANDOM);
        vm.sourcesPerClass.set("2");
        assertTrue(text(vm).contains("target has 10 classes and 'fmnist-cnn' only 10"), text(vm));
        vm.mapping.set(MappingKind.LINEAR);
        assertEquals("", text(vm), "linear mapping has no such limit");
    }

    @Test
    void badSidecarIsShownInlineAndBlocksStart(@TempDir Path tmp) throws Exception {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        Path pt = tmp.resolve("model.pt");
        Files.writeString(pt, "not a model");
        vm.openTorchScript(pt);
        assertTrue(vm.sourceChoices.contains(pt.toAbsolutePath().toString()));
        assertTrue(vm.modelError().get().contains("sidecar file is missing"), vm.modelError().get());
        assertTrue(text(vm).contains("sidecar"), text(vm));
        assertFalse(vm.valid().get());

        vm.source.set("builtin:fmnist-cnn");
        assertEquals("", vm.modelError().get());
        assertTrue(vm.valid().get());
    }

    @Test
    void workingTorchScriptIsLoadedOnceAndItsCardShown() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.openTorchScript(TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt"));
        assertEquals("", vm.modelError().get());
        assertNotNull(vm.modelCard().get());
        vm.openTorchScript(TestPaths.fixtures().resolve("torchscript/not_a_model.pt"));
        assertFalse(vm.modelError().get().isEmpty(), "a file that is no TorchScript fails here, not at Start");
    }

    @Test
    void whileReadingInTheBackgroundStartWaitsAndOnlyTheNewestFolderCounts(@TempDir Path tmp) {
        SyncTaskExecutor ex = new SyncTaskExecutor(true);
        SetupViewModel vm = new SetupViewModel(ex);
        ex.runPending(); // the built-in model card
        vm.target().set(tmp.resolve("old").toString());
        vm.useSampleDigits();
        assertTrue(vm.busy.get());
        assertTrue(text(vm).contains("reading the target folder"), text(vm));
        assertFalse(vm.valid().get());
        ex.runPending();
        assertFalse(vm.busy.get());
        assertEquals("", vm.datasetError().get(), "the stale 'old' result is ignored");
        assertTrue(vm.valid().get());
    }

    @Test
    void demoPresetAndSavedConfigsFillTheFields() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.applyDemo();
        TrainConfig demo = TrainConfig.demo(vm.target().get());
        assertEquals(demo.withSource("builtin:fmnist-cnn"), vm.config(), "the fields reproduce the demo preset");
        assertTrue(vm.valid().get(), text(vm));
        TrainConfig other = demo.withProgramAndMapping(ProgramKind.FULL, 0, MappingKind.LINEAR).withEpochs(3)
                .withOptimization(32, 0.005, 7);
        vm.apply(other);
        assertEquals(other.withSource("builtin:fmnist-cnn"), vm.config());
    }
}
