package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.data.Split;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

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

    // --- methods: pad/full/scale/smm, the seven mappings, frame, scale, loss -------------------

    private static ModelCard card(String name, int side, int classes) {
        return new ModelCard(name, new int[] {1, side, side},
                IntStream.range(0, classes).mapToObj(i -> "s" + i).toList(), new float[] {0.5f}, new float[] {0.5f},
                null, null);
    }

    private static TargetDataset target(int classes) {
        Split empty = new Split(List.of(), new int[0]);
        return new TargetDataset("t", Path.of("t"), "imagefolder",
                IntStream.range(0, classes).mapToObj(i -> "t" + i).toList(), empty, empty, false);
    }

    private static List<String> check(TrainConfig c, ModelCard card, TargetDataset data) {
        return SetupChecks.modelAndData(c, card, "", false, data, "", false);
    }

    @Test
    void blmPlusNeedsMoreSourceClassesThanItsTopKAndSaysHowToFix() {
        TrainConfig blmPlus = TrainConfig.defaults("t").withProgramAndMapping(ProgramKind.PAD, 0, MappingKind.BLM_PLUS);
        // 20 target classes: k = floor(0.15 * 20) = 3 > 2 source classes
        List<String> p = check(blmPlus, card("tiny", 32, 2), target(20));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("top k = 3 source probabilities"), p.get(0));
        assertTrue(p.get(0).contains("'tiny' has only 2 classes. Fix: choose blm or linear"), p.get(0));
        assertFalse(p.get(0).contains("--"), "no command-line options: " + p.get(0));
        assertEquals(List.of(), check(blmPlus, card("tiny", 32, 3), target(20)), "k = 3 source classes suffice");
        assertEquals(List.of(), check(blmPlus.withProgramAndMapping(ProgramKind.PAD, 0, MappingKind.BLM),
                card("tiny", 32, 2), target(20)), "blm has no such limit");
        assertEquals(List.of(), check(blmPlus, card("tiny", 32, 1), target(5)), "k is at least 1, never 0");
    }

    @Test
    void oneToOneProblemOffersBlmPlusOnlyWhereItFits() {
        TrainConfig ilm = TrainConfig.defaults("t");
        String p = String.join(" | ", check(ilm, card("five", 32, 5), target(10)));
        assertTrue(p.contains("the target has 10 classes and 'five' only 5. Fix: choose linear, blm or blm+"), p);
        p = String.join(" | ", check(ilm, card("two", 32, 2), target(20)));
        assertTrue(p.contains("Fix: choose linear or blm"), "k = 3 > 2: blm+ would not fit either: " + p);
        TrainConfig flmWithLeftover = perClass(ilm.withProgramAndMapping(ProgramKind.PAD, 0, MappingKind.FLM), 3);
        assertEquals(List.of(), check(flmWithLeftover, card("ten", 32, 10), target(10)),
                "sources per class counts for random and bar only, as in the engine");
        TrainConfig bar = perClass(ilm.withProgramAndMapping(ProgramKind.PAD, 0, MappingKind.BAR), 2);
        p = String.join(" | ", check(bar, card("ten", 32, 10), target(10)));
        assertTrue(p.contains("mapping 'bar' gives each target class its own source classes (2)"), p);
        assertTrue(p.contains("or fewer sources per class"), p);
    }

    /** TrainConfig has no withSourcesPerClass. */
    private static TrainConfig perClass(TrainConfig c, int n) {
        return new TrainConfig(c.source(), c.target(), c.program(), c.innerSize(), c.mapping(), n, c.trainer(),
                c.epochs(), c.batchSize(), c.lr(), c.schedule(), c.weightDecay(), c.seed(), c.shots(), c.valFraction(),
                c.device(), c.queryDirections(), c.smoothing(), c.frame(), c.initScale(), c.loss());
    }

    @Test
    void smmOnACanvasNotDivisibleByEightIsExplainedBeforeStart() {
        TrainConfig smm = TrainConfig.defaults("t").withProgramAndMapping(ProgramKind.SMM, 0, MappingKind.ILM);
        List<String> p = check(smm, card("mnist28", 28, 10), target(10));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("program 'smm' needs a canvas whose sides are divisible by 8"), p.get(0));
        assertTrue(p.get(0).contains("takes 28x28. Fix: choose program pad, full or scale"), p.get(0));
        assertFalse(p.get(0).contains("--"), p.get(0));
        assertEquals(List.of(), check(smm, card("cnn32", 32, 10), target(10)));
        assertEquals(List.of(), check(smm.withProgramAndMapping(ProgramKind.PAD, 0, MappingKind.ILM),
                card("mnist28", 28, 10), target(10)), "pad works on any canvas");
    }

    @Test
    void scaleProgramChecksItsInnerSizeLikePad() {
        TrainConfig scale = TrainConfig.defaults("t").withProgramAndMapping(ProgramKind.SCALE, 32, MappingKind.ILM);
        String p = String.join(" | ", check(scale, card("cnn32", 32, 10), target(10)));
        assertTrue(p.contains("inner size 32 leaves no frame on the 32x32 canvas"), p);
        assertEquals(List.of(), check(scale.withProgramAndMapping(ProgramKind.SMM, 32, MappingKind.ILM),
                card("cnn32", 32, 10), target(10)));
    }

    @Test
    void onlyTheFieldsTheMethodUsesAreEnabledAndLeftoversNeverBlockStart() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        vm.program.set(ProgramKind.PAD);
        assertTrue(vm.frameUsed.get() && vm.innerSizeUsed.get());
        assertFalse(vm.initScaleUsed.get());
        vm.program.set(ProgramKind.SCALE);
        assertTrue(vm.frameUsed.get() && vm.innerSizeUsed.get() && vm.initScaleUsed.get());
        for (ProgramKind full : List.of(ProgramKind.FULL, ProgramKind.SMM)) {
            vm.program.set(full);
            assertFalse(vm.frameUsed.get() || vm.innerSizeUsed.get() || vm.initScaleUsed.get(), full.id());
        }
        for (MappingKind m : MappingKind.values()) {
            vm.mapping.set(m);
            assertEquals(m == MappingKind.RANDOM || m == MappingKind.BAR, vm.sourcesPerClassUsed.get(), m.id());
        }
        vm.mapping.set(MappingKind.ILM);
        assertFalse(vm.blackBoxUsed.get());
        vm.trainer.set("blackbox");
        assertTrue(vm.blackBoxUsed.get());
        vm.trainer.set("whitebox");

        vm.program.set(ProgramKind.SCALE);
        vm.initScale.set("9");
        assertTrue(text(vm).contains("initial scale must be in [0.1, 5.0]"), text(vm));
        vm.initScale.set("big");
        assertTrue(text(vm).contains("initial scale: 'big' is not a number"), text(vm));
        vm.program.set(ProgramKind.PAD);
        assertEquals("", text(vm), "the disabled initial scale cannot block Start");
        assertEquals(TrainConfig.DEFAULT_INIT_SCALE, vm.config().initScale());
        vm.innerSize.set("99");
        vm.program.set(ProgramKind.FULL);
        assertEquals("", text(vm));
        assertEquals(0, vm.config().innerSize(), "an inner size the engine would refuse is not passed on");
        vm.sourcesPerClass.set("0");
        vm.queryDirections.set("none");
        assertEquals("", text(vm), "fields of random/bar and of the black-box trainer are not used here");
        vm.mapping.set(MappingKind.BAR);
        assertTrue(text(vm).contains("sources per class must be at least 1"), text(vm));
    }

    @Test
    void frameInitialScaleAndLossReachTheConfigAndSavedRunsRoundTrip() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        vm.program.set(ProgramKind.SCALE);
        vm.frame.set(FrameActivation.SIGMOID);
        vm.initScale.set("0.5");
        vm.loss.set("focal");
        vm.mapping.set(MappingKind.BLM_PLUS);
        assertEquals("", text(vm));
        TrainConfig c = vm.config();
        assertEquals(FrameActivation.SIGMOID, c.frame());
        assertEquals(0.5, c.initScale());
        assertEquals("focal", c.loss());
        assertEquals(MappingKind.BLM_PLUS, c.mapping());
        SetupViewModel other = new SetupViewModel(new SyncTaskExecutor());
        other.apply(c);
        assertEquals(c, other.config());
    }

    @Test
    void everyChoiceHasWordsAndEngineMessagesLoseTheirOptions() {
        for (ProgramKind p : ProgramKind.values()) {
            assertTrue(Choices.name(p).startsWith(p.id() + " – "), Choices.name(p));
            assertTrue(Choices.describe(p).length() > 30, Choices.describe(p));
        }
        for (MappingKind m : MappingKind.values()) {
            assertTrue(Choices.name(m).startsWith(m.id() + " – "), Choices.name(m));
            assertFalse(Choices.describe(m).contains("K_s"), Choices.describe(m));
        }
        assertEquals("cross-entropy", Choices.lossName("ce"));
        assertEquals("focal loss (BAR)", Choices.lossName("focal"));
        assertEquals("Fix: use mapping blm or linear, or a smaller inner size",
                Fields.words("Fix: use --mapping blm or linear, or a smaller --inner-size"));
        assertEquals("initial scale must be in [0.1, 5.0]",
                Fields.words("initial scale (--init-scale) must be in [0.1, 5.0]"));
    }
}
