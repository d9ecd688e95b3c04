package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.TestSpecs;
import org.reprogram.workbench.core.data.Split;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.mapping.MappingSettings;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.program.ScaleProgram;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/** Setup validation without a window: Start is enabled exactly when the problems list is empty. */
class SetupViewModelTest {

    private static final Setting<?> INNER = ParameterRegistry.get(FrameSettings.INNER_SIZE.id());
    private static final Setting<?> FRAME = ParameterRegistry.get(FrameSettings.FRAME.id());
    private static final Setting<?> INIT_SCALE = ParameterRegistry.get(ScaleProgram.INIT_SCALE.id());
    private static final Setting<?> SPC = ParameterRegistry.get(MappingSettings.SOURCES_PER_CLASS.id());

    private static String text(SetupViewModel vm) {
        return String.join(" | ", vm.problems);
    }

    @Test
    void startIsEnabledOnlyForAValidSetupAndEveryProblemIsExplained(@TempDir Path tmp) {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        assertEquals("builtin:fmnist-cnn", vm.source.get());
        assertNotNull(vm.modelCard().get(), "built-in card is read");
        assertTrue(text(vm).contains("Choose a target dataset folder"), text(vm));
        assertFalse(vm.valid().get());
        // a first start: the empty target is the next step (grey hint), not a red error
        assertEquals("", vm.problem(Settings.TARGET).get());
        assertEquals(SetupViewModel.TARGET_HINT, vm.targetHint().get());
        assertEquals(SetupViewModel.CHOOSE_TARGET, vm.attention().get());
        assertFalse(vm.attentionIsProblem().get());

        vm.target().set(TestPaths.digits().toString());
        assertEquals("", text(vm));
        assertTrue(vm.valid().get());
        assertTrue(vm.datasetSummary().get().contains("10 classes, 1438 train / 359 test"), vm.datasetSummary().get());
        assertEquals(10 * DatasetLoader.PREVIEW_PER_CLASS, vm.preview().size(), "a few images per class");

        vm.field(Settings.LR).set("fast");
        assertTrue(text(vm).contains("Learning rate: 'fast' is not a number"), text(vm));
        assertFalse(text(vm).contains("must be a positive"), "one message per bad field: " + text(vm));
        assertFalse(vm.valid().get());
        vm.field(Settings.LR).set("0.01");
        vm.field(Settings.EPOCHS).set("0");
        assertTrue(text(vm).contains("Epochs must be at least 1"), text(vm));
        vm.field(Settings.EPOCHS).set("2");
        vm.field(INNER).set("40");
        assertTrue(text(vm).contains("Inner size 40 leaves no frame on 32×32: use 1 … 31 (0 = 16)"), text(vm));
        vm.field(Settings.PROGRAM).set("full");
        assertEquals("", text(vm), "full program ignores the inner size");
        assertTrue(vm.valid().get());

        vm.target().set(tmp.resolve("missing").toString());
        assertTrue(vm.datasetError().get().contains("not found"), vm.datasetError().get());
        assertTrue(vm.problem(Settings.TARGET).get().contains("not found"), "a wrong folder is an error");
        assertEquals("", vm.targetHint().get());
        assertTrue(vm.attentionIsProblem().get());
        assertTrue(text(vm).contains("not found"));
        assertNull(vm.dataset().get());
        assertFalse(vm.valid().get());
    }

    @Test
    void oneToOneMappingNeedsEnoughSourceClasses() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        vm.field(Settings.MAPPING).set("random");
        vm.field(SPC).set("2");
        assertEquals("Sources per class: at most 1 (10 source ÷ 10 target classes)",
                vm.problem(SPC).get(), "one source each would fit: the count is the problem");
        assertEquals("", vm.problem(Settings.MAPPING).get());
        vm.field(Settings.MAPPING).set("linear");
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
        assertTrue(text(vm).contains("Reading the target folder"), text(vm));
        assertEquals("Reading the target folder …", vm.attention().get());
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
        RunSpec demo = RunSpec.demo(vm.target().get());
        assertEquals(demo.withSource("builtin:fmnist-cnn"), vm.config(), "the fields reproduce the demo preset");
        assertTrue(vm.valid().get(), text(vm));
        RunSpec other = TestSpecs.programAndMapping(demo, "full", 0, "linear").with(Settings.EPOCHS, 3)
                .with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.005).with(Settings.SEED, 7L);
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

    /** The cross-field problems of C, by field. */
    private static Map<String, String> check(RunSpec c, ModelCard card, TargetDataset data) {
        Fields f = new Fields();
        SetupChecks.modelAndData(f, c, card, "", data, "");
        return f.problems();
    }

    @Test
    void blmPlusNeedsMoreSourceClassesThanItsTopKAndSaysHowToFix() {
        RunSpec blmPlus = RunSpec.defaults("t").with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "blm+");
        // 20 target classes: k = floor(0.15 * 20) = 3 > 2 source classes
        Map<String, String> problems = check(blmPlus, card("tiny", 32, 2), target(20));
        assertEquals(Set.of(Settings.MAPPING.id()), problems.keySet(), problems.toString());
        String p = problems.get(Settings.MAPPING.id());
        assertTrue(p.startsWith("Label mapping 'blm+' sums the top k = 3 source probabilities"), p);
        assertTrue(p.contains("'tiny' has only 2 classes. Fix: choose blm or linear, or a source model"), p);
        assertFalse(p.contains("--"), "no command-line options: " + p);
        assertEquals(Map.of(), check(blmPlus, card("tiny", 32, 3), target(20)), "k = 3 source classes suffice");
        assertEquals(Map.of(), check(TestSpecs.programAndMapping(blmPlus, "pad", 0, "blm"), card("tiny", 32, 2),
                target(20)), "blm has no such limit");
        assertEquals(Map.of(), check(blmPlus, card("tiny", 32, 1), target(5)), "k is at least 1, never 0");
    }

    @Test
    void oneToOneProblemOffersBlmPlusOnlyWhereItFits() {
        RunSpec ilm = RunSpec.defaults("t");
        String p = check(ilm, card("five", 32, 5), target(10)).get(Settings.MAPPING.id());
        assertTrue(p.contains("the target has 10 classes and 'five' only 5. Fix: choose linear, blm or blm+"), p);
        p = check(ilm, card("two", 32, 2), target(20)).get(Settings.MAPPING.id());
        assertTrue(p.contains("Fix: choose linear or blm"), "k = 3 > 2: blm+ would not fit either: " + p);
        RunSpec flmWithLeftover = TestSpecs.sourcesPerClass(TestSpecs.programAndMapping(ilm, "pad", 0, "flm"), 3);
        assertEquals(Map.of(), check(flmWithLeftover, card("ten", 32, 10), target(10)),
                "sources per class counts for random and bar only, as in the engine");
        RunSpec bar = TestSpecs.sourcesPerClass(TestSpecs.programAndMapping(ilm, "pad", 0, "bar"), 2);
        Map<String, String> problems = check(bar, card("ten", 32, 5), target(10));
        assertEquals(Set.of(Settings.MAPPING.id()), problems.keySet(), "even one source each is too many: " + problems);
        p = problems.get(Settings.MAPPING.id());
        assertTrue(p.startsWith("Label mapping 'bar' gives each target class its own source classes (2)"), p);
        assertTrue(p.contains("or fewer sources per class"), p);
        problems = check(TestSpecs.sourcesPerClass(bar, 3), card("twenty-five", 32, 25), target(10));
        assertEquals(Map.of(SPC.id(), "Sources per class: at most 2 (25 source ÷ 10 target classes)"),
                problems, "one source each fits: the count is to change");
        assertEquals(Map.of(), check(bar, card("twenty", 32, 20), target(10)), "2 × 10 = 20 source classes fit");
    }

    @Test
    void smmOnACanvasNotDivisibleByEightIsExplainedBeforeStart() {
        RunSpec smm = RunSpec.defaults("t").with(Settings.PROGRAM, "smm").with(Settings.MAPPING, "ilm");
        Map<String, String> problems = check(smm, card("mnist28", 28, 10), target(10));
        assertEquals(Set.of(Settings.PROGRAM.id()), problems.keySet(), problems.toString());
        String p = problems.get(Settings.PROGRAM.id());
        assertTrue(p.startsWith("Program 'smm' needs a canvas whose sides are divisible by 8"), p);
        assertTrue(p.contains("takes 28x28. Fix: choose pad, full or scale"), p);
        assertFalse(p.contains("--"), p);
        assertEquals(Map.of(), check(smm, card("cnn32", 32, 10), target(10)));
        assertEquals(Map.of(), check(TestSpecs.programAndMapping(smm, "pad", 0, "ilm"), card("mnist28", 28, 10),
                target(10)), "pad works on any canvas");
    }

    @Test
    void scaleProgramChecksItsInnerSizeLikePad() {
        RunSpec scale = TestSpecs.programAndMapping(RunSpec.defaults("t"), "scale", 32, "ilm");
        assertEquals(Map.of(INNER.id(), "Inner size 32 leaves no frame on 32×32: use 1 … 31 (0 = 16)"),
                check(scale, card("cnn32", 32, 10), target(10)));
        assertEquals(Map.of(), check(TestSpecs.programAndMapping(scale, "smm", 32, "ilm"), card("cnn32", 32, 10),
                target(10)));
    }

    @Test
    void onlyTheFieldsTheMethodUsesAreEnabledAndLeftoversNeverBlockStart() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        vm.field(Settings.PROGRAM).set("pad");
        assertTrue(vm.used(FRAME).get() && vm.used(INNER).get());
        assertFalse(vm.used(INIT_SCALE).get());
        vm.field(Settings.PROGRAM).set("scale");
        assertTrue(vm.used(FRAME).get() && vm.used(INNER).get() && vm.used(INIT_SCALE).get());
        for (String full : List.of("full", "smm")) {
            vm.field(Settings.PROGRAM).set(full);
            assertFalse(vm.used(FRAME).get() || vm.used(INNER).get() || vm.used(INIT_SCALE).get(), full);
        }
        for (MappingType m : MappingTypes.all()) {
            vm.field(Settings.MAPPING).set(m.id());
            assertEquals(m.id().equals("random") || m.id().equals("bar"), vm.used(SPC).get(), m.id());
        }
        vm.field(Settings.MAPPING).set("ilm");
        assertFalse(vm.used(Settings.QUERY_DIRECTIONS).get());
        vm.field(Settings.TRAINER).set("blackbox");
        assertTrue(vm.used(Settings.QUERY_DIRECTIONS).get());
        vm.field(Settings.TRAINER).set("whitebox");

        vm.field(Settings.PROGRAM).set("scale");
        vm.field(INIT_SCALE).set("9");
        assertEquals("Initial scale s must be from 0.1 to 5", vm.problem(INIT_SCALE).get());
        vm.field(INIT_SCALE).set("big");
        assertEquals("Initial scale s: 'big' is not a number", vm.problem(INIT_SCALE).get());
        vm.field(Settings.PROGRAM).set("pad");
        assertEquals("", text(vm), "the disabled initial scale cannot block Start");
        assertEquals(ScaleProgram.INIT_SCALE.defaultValue(),
                vm.config().program().settings().get(ScaleProgram.INIT_SCALE));
        vm.field(INNER).set("99");
        vm.field(Settings.PROGRAM).set("full");
        assertEquals("", text(vm));
        assertEquals(0, (int) vm.config().program().settings().get(FrameSettings.INNER_SIZE),
                "an inner size the engine would refuse is not passed on");
        vm.field(SPC).set("0");
        vm.field(Settings.QUERY_DIRECTIONS).set("none");
        assertEquals("", text(vm), "fields of random/bar and of the black-box trainer are not used here");
        vm.field(Settings.MAPPING).set("bar");
        assertEquals("Sources per class must be at least 1", vm.problem(SPC).get());
    }

    @Test
    void frameInitialScaleAndLossReachTheConfigAndSavedRunsRoundTrip() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        vm.field(Settings.PROGRAM).set("scale");
        vm.field(FRAME).set(FrameActivation.SIGMOID.id());
        vm.field(INIT_SCALE).set("0.5");
        vm.field(Settings.LOSS).set("focal");
        vm.field(Settings.MAPPING).set("blm+");
        assertEquals("", text(vm));
        RunSpec c = vm.config();
        assertEquals(FrameActivation.SIGMOID, c.program().settings().get(FrameSettings.FRAME));
        assertEquals(0.5, (double) c.program().settings().get(ScaleProgram.INIT_SCALE));
        assertEquals("focal", c.optimization().loss().id());
        assertEquals("blm+", c.mapping().id());
        SetupViewModel other = new SetupViewModel(new SyncTaskExecutor());
        other.apply(c);
        assertEquals(c, other.config());
    }

    @Test
    void everyChoiceHasWordsAndEngineMessagesLoseTheirOptions() {
        for (ProgramType p : ProgramTypes.all()) {
            assertTrue(Choices.name(p).startsWith(p.id() + " – "), Choices.name(p));
            assertTrue(Choices.describe(p).length() > 30, Choices.describe(p));
        }
        for (MappingType m : MappingTypes.all()) {
            assertTrue(Choices.name(m).startsWith(m.id() + " – "), Choices.name(m));
            assertFalse(Choices.describe(m).contains("K_s"), Choices.describe(m));
        }
        assertEquals("cross-entropy", Choices.word(Settings.LOSS, "ce"));
        assertEquals("focal loss (BAR)", Choices.word(Settings.LOSS, "focal"));
        assertEquals("Fix: use label mapping blm or linear, or a smaller inner size",
                Fields.words("Fix: use --mapping blm or linear, or a smaller --inner-size"));
    }

    // --- each field's own problem, in the words of its label --------------------------------

    @Test
    void eachBadValueIsReportedAtItsFieldWithTheFieldsLabelAndFixingItClearsIt() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        assertTrue(vm.valid().get(), text(vm));
        assertEquals("", vm.attention().get());
        for (Setting<?> f : ParameterRegistry.all()) {
            assertEquals("", vm.problem(f).get(), f.id());
        }

        vm.field(Settings.VAL_FRACTION).set("0.95");
        assertEquals("Validation share must be at least 0 and below 0.9", vm.problem(Settings.VAL_FRACTION).get());
        assertTrue(vm.problem(Settings.VAL_FRACTION).get().startsWith(Settings.VAL_FRACTION.parameter().label()));
        assertFalse(text(vm).contains("fraction"), "the engine's name of the value never shows: " + text(vm));
        assertEquals("1 field needs attention", vm.attention().get());
        assertFalse(vm.valid().get());

        vm.field(Settings.EPOCHS).set("zero");
        vm.field(Settings.BATCH_SIZE).set("0");
        vm.field(Settings.WEIGHT_DECAY).set("-1");
        vm.field(Settings.SHOTS).set("-2");
        assertEquals("Epochs: 'zero' is not a whole number", vm.problem(Settings.EPOCHS).get());
        assertEquals("Batch size must be at least 1", vm.problem(Settings.BATCH_SIZE).get());
        assertEquals("Weight decay must be 0 or more", vm.problem(Settings.WEIGHT_DECAY).get());
        assertEquals("Shots per class must be 0 (all) or positive", vm.problem(Settings.SHOTS).get());
        assertEquals("5 fields need attention", vm.attention().get());
        assertEquals(5, vm.problems.size(), "one message per field, no duplicates: " + text(vm));
        assertEquals("", vm.problem(Settings.LR).get(), "a good field stays unmarked");

        vm.field(Settings.VAL_FRACTION).set("0.2");
        vm.field(Settings.EPOCHS).set("3");
        vm.field(Settings.BATCH_SIZE).set("32");
        vm.field(Settings.WEIGHT_DECAY).set("0");
        vm.field(Settings.SHOTS).set("16");
        assertEquals("", vm.problem(Settings.VAL_FRACTION).get());
        assertEquals("", vm.problem(Settings.EPOCHS).get());
        assertEquals("", vm.attention().get());
        assertTrue(vm.valid().get(), text(vm));
        assertEquals(16, vm.config().data().shots());
    }

    @Test
    void problemsThatNeedModelAndDataGoToTheFieldThatFixesThem(@TempDir Path tmp) {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        assertEquals("", vm.problem(Settings.TARGET).get(), "nothing chosen yet: a hint, not a problem");
        assertEquals(SetupViewModel.TARGET_HINT, vm.targetHint().get());
        vm.useSampleDigits();
        vm.field(Settings.MAPPING).set("bar");
        vm.field(SPC).set("3");
        assertEquals("Sources per class: at most 1 (10 source ÷ 10 target classes)",
                vm.problem(SPC).get());
        assertEquals("", vm.problem(Settings.MAPPING).get());
        vm.field(SPC).set("1");
        assertEquals("", vm.problem(SPC).get());
        assertTrue(vm.valid().get(), text(vm));

        vm.field(INNER).set("32");
        assertEquals("Inner size 32 leaves no frame on 32×32: use 1 … 31 (0 = 16)", vm.problem(INNER).get());
        vm.field(INNER).set("24");
        assertTrue(vm.valid().get(), text(vm));

        vm.target().set(tmp.resolve("missing").toString());
        assertTrue(vm.problem(Settings.TARGET).get().contains("not found"), vm.problem(Settings.TARGET).get());
        vm.openTorchScript(TestPaths.fixtures().resolve("torchscript/not_a_model.pt"));
        assertFalse(vm.problem(Settings.SOURCE).get().isEmpty(), "the model's error is the source model's problem");
        assertEquals("2 fields need attention", vm.attention().get());
        vm.source.set("builtin:fmnist-cnn");
        vm.useSampleDigits();
        assertEquals("", vm.problem(Settings.SOURCE).get());
        assertEquals("", vm.problem(Settings.TARGET).get());
        assertTrue(vm.valid().get(), text(vm));
    }

    @Test
    void zeroShotsPerClassIsShownAndTypedAsAll() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        assertEquals("all", vm.field(Settings.SHOTS).get());
        assertEquals(0, vm.config().data().shots(), "all = every training image = 0 for the engine");
        vm.field(Settings.SHOTS).set("8");
        vm.apply(vm.config().with(Settings.SHOTS, 0).with(Settings.VAL_FRACTION, 0.1));
        assertEquals("all", vm.field(Settings.SHOTS).get(), "a saved run with 0 shots shows all");
        vm.field(Settings.SHOTS).set(" ALL ");
        assertEquals(0, vm.config().data().shots());
        vm.field(Settings.SHOTS).set("some");
        assertEquals("Shots per class: 'some' is neither all nor a whole number", vm.problem(Settings.SHOTS).get());
    }

    @Test
    void engineTextsUseTheGuiLabelsAndSpellOutClassCounts() {
        assertEquals("Fix: train black-box (trainer blackbox), try another device",
                Fields.words("Fix: train black-box (--trainer blackbox), try another device (--device)"));
        assertEquals("no training images left after the validation split (validation share 0.9) and shots per class 5."
                + " Fix: lower validation share, raise shots per class",
                Fields.words("no training images left after the validation split (--val-fraction 0.9) and --shots 5."
                        + " Fix: lower --val-fraction, raise --shots"));
        assertEquals("no training images left (validation share 0.5) and shots per class all",
                Fields.words("no training images left (--val-fraction 0.5) and --shots 0"), "0 shots is all");
        assertEquals("shots per class 10", Fields.words("--shots 10"));
        assertEquals("/tmp/my--run: choose another output folder",
                Fields.words("/tmp/my--run: choose another --out folder"), "a '--' inside a path stays");
        assertEquals("threads 0", Fields.words("--threads 0"), "options without a field lose their dashes");
        String oneToOne = Fields.words("IterativeLabelMapping: 12 target classes but the source model has only 10;"
                + " a one-to-one mapping needs K_t <= K_s (use the linear or blm mapping instead)");
        assertFalse(oneToOne.contains("K_"), oneToOne);
        assertEquals("K_s = 10 source classes · K_t = 20 target classes",
                Choices.classCounts(card("m", 32, 10), target(20)));
        assertEquals("K_s = 10 source classes", Choices.classCounts(card("m", 32, 10), null));
        assertTrue(Choices.CLASS_COUNTS.contains("K_s: the number of classes the frozen source model predicts"));
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        assertEquals("K_s = 10 source classes · K_t = 10 target classes", vm.classCounts.get());
    }

    @Test
    void theModelCardShowsNoCommandLineButOffersItToReproduce() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        ModelCard builtin = vm.modelCard().get();
        String summary = ModelCardText.summary(builtin);
        assertTrue(summary.contains("Trained on Fashion-MNIST"), summary);
        assertFalse(summary.contains("java -jar"), summary);
        assertFalse(summary.contains("Reproduce"), summary);
        assertFalse(summary.contains("--"), summary);
        String command = ModelCardText.reproduceCommand(builtin);
        assertTrue(command.startsWith("java -jar ") && command.contains(" pretrain --data "), command);
        ModelCard sidecar = card("plain", 32, 3);
        assertEquals("", ModelCardText.reproduceCommand(sidecar), "a card without a command offers none");
    }

    // --- the form from the registry ----------------------------------------------------------

    @Test
    void theFormStartsAtTheRegistrysDefaultsAndPlacesEachProblemByItsSettingId() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        assertEquals(RunSpec.defaults(vm.target().get()).with(Settings.SOURCE, vm.source.get()), vm.config(),
                "one default per setting: the form's are the registry's");
        assertEquals(LearningRateSchedule.STEP, vm.config().optimization().schedule(), "as the CLI");
        for (Setting<?> s : SetupSettings.shown()) {
            Fields f = new Fields();
            SetupChecks.add(f, Problem.of(s.parameter(), "{} is wrong", "lower it"));
            assertEquals(Map.of(s.id(), s.parameter().label() + " is wrong. Fix: lower it"), f.problems(), s.id());
            assertEquals(List.of(), f.others());
        }
        Fields f = new Fields();
        SetupChecks.add(f, Problem.of(Settings.THREADS.parameter(), "{} must be at most 8", null));
        SetupChecks.add(f, Problem.general("the run as a whole is wrong", null));
        assertEquals(Map.of(), f.problems(), "no field for them in the form");
        assertEquals(List.of("Threads must be at most 8", "The run as a whole is wrong"), f.others(), "nothing is dropped");
    }
}
