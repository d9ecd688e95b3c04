package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.program.ProgramLegend;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.ImageTile;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/** The training ViewModel with a scripted backend: no window, no engine. */
public class TrainingViewModelTest {

    static final RunSpec CONFIG = RunSpec.defaults("digits").with(Settings.EPOCHS, 2);

    static TrainingSnapshot snap(int epoch, long step, boolean end) {
        return new TrainingSnapshot(epoch, step, end, 1, 2, 2, new float[] {0, 0.5f, -0.5f, 1}, true,
                Double.NaN, new float[][] {{1f, 0f}, {0f, 1f}}, new int[][] {{0}, {1}}, List.of(),
                end ? new int[][] {{3, 1}, {0, 4}} : null, null, end ? new int[] {0, 1, 1, 1} : null);
    }

    static RunInfo info(String... notices) {
        return new RunInfo("src", List.of("a", "b"), "digits", List.of("x", "y"), new Placement(1, 2, 2, 1, 1), 3, 4,
                "cpu()", List.of(notices), 10, 4, 4, new int[] {0, 1, 2, 3});
    }

    static EpochMetrics metrics(int epoch, String warning) {
        return new EpochMetrics(epoch, 1.0 / epoch, 0.5, 0.9, 0.6, 0.01, 1000, epoch, 0, Double.NaN, warning);
    }

    public static TrainingResult result(String status, String message) {
        return TrainingResult.builder().status(RunStatus.valueOf(status.toUpperCase(Locale.ROOT))).message(message).testAccuracy(0.8).testLoss(0.8)
                .bestValAccuracy(0.6).parameters(3, 4).wallSeconds(1.5).epochs(2).program("pad").mapping("ilm")
                .trainer("whitebox").source("builtin").target("digits").device("cpu()").imagesPerSecond(1000)
                .peakRssMegabytes(300).testAccuracyAtBestVal(0.8).bestEpoch(2).build();
    }

    /** A two-epoch run as the engine would report it. */
    static TrainingBackend scripted(String status, String warning, String... notices) {
        return (cfg, data, dir, l, ctl) -> {
            dir.create();
            l.onStart(info(notices));
            l.onSnapshot(snap(0, 0, false));
            for (int e = 1; e <= 2; e++) {
                for (int b = 1; b <= 5; b++) {
                    l.onBatch(new BatchProgress(e, 2, b, 5, (e - 1) * 5L + b, 0.5, 1000, 3, 0));
                    l.onSnapshot(snap(e, (e - 1) * 5L + b, false));
                }
                l.onEpoch(metrics(e, e == 2 ? warning : null));
                l.onSnapshot(snap(e, e * 5L, true));
            }
            return result(status, "failed".equals(status) ? "loss became NaN" : null);
        };
    }

    @Test
    void runFillsCurvesHistoryAndProgressAndRefreshesRuns(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                scripted("completed", null, "no GPU visible: training on CPU", "gradients look wrong. Fix: train black-box"
                        + " (--trainer blackbox) or try --device cpu"));
        AtomicReference<TrainingResult> finished = new AtomicReference<>();
        vm.setOnFinished(finished::set);
        vm.start(CONFIG, null);
        assertFalse(vm.running.get());
        assertEquals(RunStatus.COMPLETED, finished.get().status());
        assertEquals(2, vm.metrics.size());
        assertEquals(3, vm.history.epochs().size(), "epoch 0 + two epoch ends");
        assertEquals(2, vm.history.shown().get().epoch());
        assertEquals(1.0, vm.progress.get(), 1e-9);
        assertEquals("2 epochs · completed", vm.progressText.get(), "no ETA after the run");
        assertFalse(vm.programCaption.get().contains("live") || vm.programCaption.get().contains("in progress"),
                vm.programCaption.get());
        assertTrue(vm.status.get().contains("test accuracy 80.0 %"), vm.status.get());
        assertEquals(TrainingViewModel.Level.INFO, vm.bannerLevel.get());
        assertTrue(vm.banner.get().contains("no GPU visible"));
        assertFalse(vm.banner.get().contains("--"), "GUI words, no CLI options: " + vm.banner.get());
        assertEquals("device cpu()", vm.deviceText.get());
        assertTrue(Files.isDirectory(vm.runDir.get()), "a run folder was made in the runs dir");
    }

    @Test
    void collapseWarningAndFailureShowTheBanner(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                scripted("completed", "collapse: every validation sample is predicted as 'x'"));
        vm.start(CONFIG, null);
        assertEquals(TrainingViewModel.Level.WARNING, vm.bannerLevel.get());
        assertTrue(vm.banner.get().contains("Epoch 2: collapse"), vm.banner.get());

        TrainingViewModel failed = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                scripted("failed", "collapse ..."));
        failed.start(CONFIG, null);
        assertEquals(TrainingViewModel.Level.ERROR, failed.bannerLevel.get(), "failure outranks the warning");
        assertEquals("Training failed: loss became NaN", failed.banner.get());

        TrainingViewModel bad = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs), (c, d, dir, l, ctl) -> {
            throw new UserInputException("/x: target folder not found. Fix: check the path");
        });
        bad.start(CONFIG, null);
        assertFalse(bad.running.get());
        assertEquals("Could not start: /x: target folder not found. Fix: check the path", bad.banner.get());
    }

    @Test
    void pauseStopAndCancelReachTheEngineControl(@TempDir Path runs) {
        AtomicReference<TrainingControl> seen = new AtomicReference<>();
        SyncTaskExecutor ex = new SyncTaskExecutor(true);
        TrainingViewModel vm = new TrainingViewModel(ex, new RunStore(runs), (c, d, dir, l, ctl) -> {
            seen.set(ctl);
            return result(ctl.isCancelled() ? "cancelled" : "completed", null);
        });
        vm.start(CONFIG, null);
        assertTrue(vm.running.get());
        int jobs = ex.pending.size(); // the training and the reading of the source model's pictures
        vm.start(CONFIG, null);
        assertEquals(jobs, ex.pending.size(), "no second training while one runs");
        String before = vm.status.get();
        vm.pauseResume();
        assertTrue(vm.paused.get());
        assertTrue(vm.status.get().startsWith("Paused"), vm.status.get());
        vm.pauseResume();
        assertFalse(vm.paused.get());
        assertEquals(before, vm.status.get(), "Resume restores the status");
        vm.stop();
        assertTrue(vm.stopRequested.get());
        vm.pauseResume();
        vm.cancel();
        assertFalse(vm.paused.get(), "cancel also ends a pause");
        ex.runPending();
        assertTrue(seen.get().isStopRequested());
        assertTrue(seen.get().isCancelled());
        assertFalse(seen.get().isPaused());
        assertFalse(vm.running.get());
        assertTrue(vm.status.get().startsWith("Run cancelled"), vm.status.get());
    }

    @Test
    void lookingBackWhileTrainingSaysNotLiveAndBackToLiveFollowsAgain(@TempDir Path runs) {
        SyncTaskExecutor ex = new SyncTaskExecutor(true);
        TrainingViewModel vm = new TrainingViewModel(ex, new RunStore(runs), (c, d, dir, l, ctl) -> result("completed", null));
        vm.start(CONFIG, null);
        vm.epochSnapshot(snap(0, 0, false));
        vm.epochSnapshot(snap(1, 5, true));
        vm.epochSnapshot(snap(2, 10, true));
        assertTrue(vm.programCaption.get().startsWith("live · epoch 2"), vm.programCaption.get());
        vm.history.select(0);
        assertFalse(vm.history.followLatestProperty().get());
        assertTrue(vm.programCaption.get().startsWith("not live (training goes on) · initial program"),
                vm.programCaption.get());
        vm.backToLive();
        assertTrue(vm.history.followLatestProperty().get());
        assertTrue(vm.programCaption.get().startsWith("live · epoch 2"), vm.programCaption.get());
        ex.runPending();
    }

    @Test
    void closingTheWindowInterruptsTheRunResumably(@TempDir Path runs) {
        AtomicReference<TrainingControl> seen = new AtomicReference<>();
        SyncTaskExecutor ex = new SyncTaskExecutor(true);
        TrainingViewModel vm = new TrainingViewModel(ex, new RunStore(runs), (c, d, dir, l, ctl) -> {
            seen.set(ctl);
            return result(ctl.isInterrupted() ? "interrupted" : "completed", null);
        });
        vm.start(CONFIG, null);
        vm.pauseResume();
        vm.interrupt();
        assertFalse(vm.paused.get(), "interrupt ends a pause");
        assertTrue(vm.status.get().contains("resumed"), vm.status.get());
        ex.runPending();
        assertTrue(seen.get().isInterrupted());
        assertTrue(seen.get().isCancelled(), "the trainer stops at its next step");
        assertEquals(RunStatus.INTERRUPTED, vm.result.get().status());
    }

    @Test
    void bridgeCoalescesProgressAndLiveSnapshotsButKeepsEveryEpoch() {
        List<Runnable> queue = new ArrayList<>();
        List<Object> got = new ArrayList<>();
        TrainingBridge bridge = new TrainingBridge(queue::add, new TrainingBridge.Sink() {
            public void started(RunInfo i) { got.add(i); }
            public void progress(BatchProgress p) { got.add(p); }
            public void live(TrainingSnapshot s) { got.add(s); }
            public void epochSnapshot(TrainingSnapshot s) { got.add("epoch " + s.epoch()); }
            public void epoch(EpochMetrics m) { got.add(m); }
        });
        TrainingListener l = bridge;
        for (int i = 1; i <= 500; i++) {
            l.onBatch(new BatchProgress(1, 1, i, 500, i, 0.1, 1, 1, 0));
            l.onSnapshot(snap(1, i, false));
        }
        l.onSnapshot(snap(1, 500, true));
        assertEquals(3, queue.size(), "500 steps queue one progress and one live hand-over, plus the epoch end");
        queue.forEach(Runnable::run);
        assertEquals(500, ((BatchProgress) got.get(0)).step(), "newest progress wins");
        assertEquals(500, ((TrainingSnapshot) got.get(1)).step(), "newest live snapshot wins");
        assertEquals("epoch 1", got.get(2));
    }

    @Test
    void sliderSelectsTheRightSnapshotAndFollowsTheNewestUnlessMoved() {
        StepHistory h = new StepHistory();
        TrainingSnapshot e0 = snap(0, 0, false);
        TrainingSnapshot e1 = snap(1, 5, true);
        h.addEpoch(e0);
        h.addEpoch(e1);
        assertSame(e1, h.shown().get());
        TrainingSnapshot live = snap(2, 7, false);
        h.setLive(live);
        assertSame(live, h.shown().get(), "following: the live state");
        assertSame(e1, h.shownEpoch().get(), "confusion of the newest finished epoch");
        h.select(0);
        assertFalse(h.followLatestProperty().get());
        assertSame(e0, h.shown().get());
        TrainingSnapshot e2 = snap(2, 10, true);
        h.addEpoch(e2);
        h.setLive(snap(3, 12, false));
        assertEquals(0, h.selectedProperty().get(), "the slider stays where the user put it");
        assertSame(e0, h.shown().get());
        h.select(99);
        assertEquals(2, h.selectedProperty().get(), "clamped to the newest");
        assertTrue(h.followLatestProperty().get(), "back at the end: follow again");
        assertEquals(12, h.shown().get().step());
        assertSame(e2, h.shownEpoch().get());
    }

    @Test
    void confusionCellListsItsValidationImagesFromTheSlidersEpoch(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                scripted("completed", null));
        vm.start(CONFIG, null);
        vm.selectCell(0, 1);
        assertTrue(vm.confusion.cellCaption().get().startsWith("true x, predicted y: 1 validation image"), vm.confusion.cellCaption().get());
        assertTrue(vm.confusion.cellCaption().get().contains("load this run's target folder"), "no dataset: says so");
        assertTrue(vm.confusion.cellImages.isEmpty());
        vm.history.select(0);
        assertTrue(vm.confusion.cellCaption().get().contains(": 0 validation images"), "follows the slider: " + vm.confusion.cellCaption().get());
        vm.clearCell();
        assertNull(vm.result.get() == null ? null : vm.result.get().testConfusion());
        assertNotNull(vm.history.shownEpoch().get());
    }

    @Test
    void theBuiltinModelsPicturesLoadForTheMappingAndABrokenExamplesFolderIsNamed(@TempDir Path runs) throws Exception {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                scripted("completed", null));
        vm.start(CONFIG, null);
        assertEquals(10, vm.sourcePictures.examples.get().images().size());
        assertEquals(SourcePictures.PER_CLASS, vm.sourcePictures.examples.get().of(1).size());
        assertEquals("", vm.sourcePictures.note.get());

        Path model = runs.resolve("net.pt");
        Files.writeString(runs.resolve("net.pt.json"), "{\"inputShape\": [1, 8, 8], \"classNames\": [\"a\", \"b\"],"
                + " \"examples\": \"pics\"}");
        vm.start(CONFIG.withSource(model.toString()), null);
        assertTrue(vm.sourcePictures.examples.get().isEmpty(), "another model: the built-in pictures are gone");
        assertTrue(vm.sourcePictures.note.get().startsWith("Pictures of the source classes: " + runs.resolve("net.pt.json")
                + ": \"examples\" folder " + runs.resolve("pics") + " not found. Fix: "), vm.sourcePictures.note.get());
    }

    // --- frame range, learned scale, smm masks, best-validation accuracy ----------------------

    static TrainingSnapshot program(boolean signed, double scale, List<TrainingSnapshot.SampleView> samples) {
        return new TrainingSnapshot(1, 5, true, 1, 2, 2, new float[] {0, 0.5f, 0.25f, 1}, signed, scale,
                new float[][] {{1f, 0f}, {0f, 1f}}, new int[][] {{0}, {1}}, samples, new int[][] {{3, 1}, {0, 4}},
                null, new int[] {0, 1, 1, 1});
    }

    static TrainingBackend emitting(TrainingSnapshot s) {
        return (cfg, data, dir, l, ctl) -> {
            l.onStart(info());
            l.onSnapshot(s);
            return result("completed", null);
        };
    }

    @Test
    void programLegendFollowsTheFramesRangeAndTheLearnedScaleIsShown(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                emitting(program(false, 1.6234, List.of())));
        assertEquals(SnapshotTexts.EMPTY_CAPTION, vm.programCaption.get());
        vm.start(CONFIG, null);
        assertEquals(new ProgramLegend("0", "0.5", "1", ProgramLegend.FRAME_SIGMOID), vm.programLegend.get(),
                "sigmoid frame: black 0 … white 1, the frame pixel itself");
        assertEquals("black 0 · gray 0.5 · white 1", vm.programLegend.get().scale());
        assertTrue(vm.programCaption.get().contains("epoch 1 end"), vm.programCaption.get());
        assertTrue(vm.programCaption.get().endsWith(" · scale s = 1.62"), vm.programCaption.get());

        TrainingViewModel signed = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                scripted("completed", null));
        signed.start(CONFIG, null);
        assertEquals(new ProgramLegend("−1", "0", "+1", ProgramLegend.FRAME_TANH), signed.programLegend.get(),
                "tanh frame: added to the black padding");
        assertFalse(signed.programCaption.get().contains("scale"), "no scale program: " + signed.programCaption.get());
    }

    @Test
    void theLegendSaysWhatGrayMeansForEachKindOfProgram(@TempDir Path runs) {
        TrainingViewModel full = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                emitting(program(true, Double.NaN, List.of())));
        full.start(CONFIG.with(Settings.PROGRAM, "full").with(Settings.MAPPING, "ilm"), null);
        ProgramLegend l = full.programLegend.get();
        assertEquals(ProgramLegend.FULL, l.note(), "full: a delta on every pixel");
        assertEquals("≤ −1", l.low(), "a delta is clipped at ±1 in the picture");
        assertEquals("≥ +1", l.high());
        assertEquals(ProgramLegend.SMM, ProgramLegend.of(ProgramTypes.get("smm"), true).note(), "smm: the shared delta");
        assertEquals(ProgramLegend.FRAME_TANH, ProgramLegend.of(ProgramTypes.get("scale"), true).note(),
                "scale: a frame too");
        assertEquals(ProgramLegend.FRAME_SIGMOID, ProgramLegend.of(ProgramTypes.get("scale"), false).note());
        assertEquals(ProgramLegend.SIGNED, ProgramLegend.of(null, true).note(), "unknown program: the plain reading");
        assertTrue(ProgramLegend.FRAME_TANH.contains("gray leaves the frame black"));
    }

    @Test
    void snapshotsSavedBeforeTheRangeWasRecordedAreStillDrawnSigned() {
        TrainingSnapshot old = program(false, 0, List.of()); // Gson's defaults for the missing fields
        assertTrue(SnapshotTexts.signed(old));
        assertTrue(Double.isNaN(SnapshotTexts.inputScale(old)));
        assertFalse(SnapshotTexts.caption(old, false).contains("scale"));
        assertFalse(SnapshotTexts.signed(program(false, Double.NaN, List.of())), "a new sigmoid frame");
        assertTrue(SnapshotTexts.signed(program(true, 2.0, List.of())));
        assertNull(SnapshotTexts.legend(null, ProgramTypes.get("pad")));
    }

    @Test
    void smmSamplesShowTheirMaskBesideTheProgrammedInput(@TempDir Path runs) {
        float[] img = {0, 0.5f, 0.5f, 1};
        List<TrainingSnapshot.SampleView> samples = List.of(
                new TrainingSnapshot.SampleView(0, 0, img, 0, 0, new float[] {0, 2f, -4f, 1f}),
                new TrainingSnapshot.SampleView(1, 1, img, 0, 0, new float[] {1f, 1f, 1f, 1f}));
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                emitting(program(true, Double.NaN, samples)));
        vm.start(CONFIG, null);
        assertEquals(2, vm.samples.items.size());
        ImageTile mask = vm.samples.items.get(0).mask();
        assertNotNull(mask, "smm: every sample carries its mask");
        assertTrue(mask.signed(), "mid-gray = 0");
        assertEquals(1, mask.channels());
        assertEquals(-1f, mask.data()[2], 1e-6, "scaled by the largest |value| of all samples shown (4)");
        assertEquals(0.5f, mask.data()[1], 1e-6);
        assertEquals(0.25f, vm.samples.items.get(1).mask().data()[0], 1e-6, "the same scale for every card");
        assertEquals(SampleViews.HINT_MASKS, vm.samples.hint.get());

        TrainingViewModel pad = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                emitting(program(true, Double.NaN, List.of(new TrainingSnapshot.SampleView(0, 0, img, 0, 1, null)))));
        pad.start(CONFIG, null);
        assertNull(pad.samples.items.get(0).mask());
        assertEquals(SampleViews.HINT, pad.samples.hint.get());
        assertEquals(1e-12f, SampleViews.maskRange(List.of(new TrainingSnapshot.SampleView(0, 0, img, 0, 0,
                new float[4]))), 0, "an all-zero mask stays gray, no division by zero");
    }

    @Test
    void metricsTableShowsTheScaleColumnOnlyWhenARunLearnsOne() {
        assertFalse(MetricsView.hasScale(List.of(metrics(1, null), metrics(2, null))));
        EpochMetrics scaled = new EpochMetrics(1, 1, 0.5, 0.9, 0.6, 0.01, 1000, 1, 0, 1.4, null);
        assertTrue(MetricsView.hasScale(List.of(scaled)));
        assertEquals("1.40", SnapshotTexts.scale(scaled.inputScale()));
        assertEquals("-", SnapshotTexts.scale(Double.NaN));
    }

    @Test
    void statusNamesTheTestAccuracyAtTheBestValidationEpoch() {
        TrainingResult r = TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(0.8).testLoss(0.8)
                .bestValAccuracy(0.6).parameters(3, 4).wallSeconds(1.5).epochs(5).program("pad").mapping("ilm")
                .trainer("whitebox").source("builtin").target("digits").device("cpu()").imagesPerSecond(1000)
                .peakRssMegabytes(300).testAccuracyAtBestVal(0.825).bestEpoch(3).build();
        String text = ResultTexts.summary(r);
        assertTrue(text.startsWith(": test accuracy 80.0 % (82.5 % at the best validation epoch 3), 5 epochs"), text);
        TrainingResult old = TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(0.8).testLoss(0.8)
                .bestValAccuracy(0.6).parameters(3, 4).wallSeconds(1.5).epochs(5).program("pad").mapping("ilm")
                .trainer("whitebox").source("builtin").target("digits").device("cpu()").imagesPerSecond(1000)
                .peakRssMegabytes(300).method(null).testAccuracyAtBestVal(0).build();
        assertEquals("reprogram", old.method());
        assertEquals("-", ResultTexts.atBestVal(old), "saved before the field existed: 0 and epoch 0");
        assertTrue(ResultTexts.summary(old).startsWith(": test accuracy 80.0 %, 5 epochs"), ResultTexts.summary(old));
        assertEquals("12 min 5 s", ResultTexts.eta(725));
    }

    @Test
    void anEngineRefusalAtStartIsShownInTheGuisWords(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs), (c, d, dir, l, ctl) -> {
            throw new UserInputException("mapping 'blm+' sums the top k = 3 source probabilities. Fix: use --mapping"
                    + " blm or linear");
        });
        vm.start(CONFIG, null);
        assertEquals("Could not start: mapping 'blm+' sums the top k = 3 source probabilities. Fix: use label mapping"
                + " blm or linear", vm.banner.get(), "the option is the setup's label");
    }

    // --- gallery pages, test confusion matrix, presentation mode ------------------------------

    /** A snapshot with one sample per target class of PAGE (of CLASSES classes), as the engine sends it. */
    static TrainingSnapshot samplesOfPage(int page, int classes) {
        List<TrainingSnapshot.SampleView> samples = new ArrayList<>();
        int from = org.reprogram.workbench.core.train.SamplePages.firstClass(page, classes);
        for (int c = from; c < Math.min(classes, from + org.reprogram.workbench.core.train.SamplePages.PAGE); c++) {
            samples.add(new TrainingSnapshot.SampleView(c, c, new float[] {0, 0.5f, 0.5f, 1}, 0, c, null));
        }
        return program(true, Double.NaN, samples);
    }

    static RunInfo infoWithClasses(int n) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            names.add("c" + c);
        }
        return new RunInfo("src", List.of("a", "b"), "t", names, new Placement(1, 2, 2, 1, 1), 3, 4, "cpu()",
                List.of(), 10, 4, 4, new int[] {0, 1, 2, 3});
    }

    @Test
    void galleryPagesThroughEveryTargetClassAndAsksTheEngineForThePageShown(@TempDir Path runs) {
        AtomicReference<TrainingViewModel> ref = new AtomicReference<>();
        List<Integer> asked = new ArrayList<>();
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs), (c, d, dir, l, ctl) -> {
            TrainingViewModel v = ref.get();
            l.onStart(infoWithClasses(30));
            l.onSnapshot(samplesOfPage(ctl.samplePage(), 30));
            assertEquals(2, v.samples.paging.pages().get(), "30 classes: two pages of 24");
            assertEquals(24, v.samples.items.size(), "page 1: classes 1-24");
            assertEquals("page 1/2 · classes 1-24 of 30", v.samples.paging.text().get());
            v.samples.paging.next(); // the user turns the page while the run trains
            asked.add(ctl.samplePage());
            assertTrue(v.samples.items.isEmpty(), "the cards of page 1 go");
            assertEquals(SampleViews.HINT_NEXT_PAGE, v.samples.hint.get());
            l.onSnapshot(samplesOfPage(ctl.samplePage(), 30));
            return result("completed", null);
        });
        ref.set(vm);
        vm.start(CONFIG, null);
        assertEquals(List.of(1), asked, "the engine was asked for page 2");
        assertEquals("page 2/2 · classes 25-30 of 30", vm.samples.paging.text().get());
        assertEquals(List.of("c24", "c25", "c26", "c27", "c28", "c29"),
                vm.samples.items.stream().map(GalleryItem::trueName).toList(), "page 2: the last six classes");
        vm.samples.paging.next();
        assertEquals(1, vm.samples.paging.page().get(), "no page 3");
        vm.samples.paging.first();
        assertTrue(vm.samples.items.isEmpty());
        assertEquals(SampleViews.HINT_PAGE_NOT_TAKEN, vm.samples.hint.get(), "after the run: says why page 1 is empty");

        TrainingViewModel ten = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                emitting(samplesOfPage(0, 2)));
        ten.start(CONFIG, null);
        assertEquals(1, ten.samples.paging.pages().get());
        assertEquals("", ten.samples.paging.text().get(), "one page: no pager");
    }

    static TrainingResult withTestConfusion(int[][] test) {
        TrainingResult r = result("completed", null);
        return TrainingResult.builder().status(r.status()).message(r.message()).testAccuracy(0.75)
                .testLoss(r.testLoss()).bestValAccuracy(r.bestValAccuracy())
                .parameters(r.trainableParameters(), r.sourceParameters()).wallSeconds(r.wallSeconds())
                .epochs(r.epochs()).seed(r.seed()).program(r.program()).mapping(r.mapping())
                .trainer(r.trainer()).source(r.source()).target(r.target()).device(r.device())
                .imagesPerSecond(r.imagesPerSecond())
                .queries(r.trainingQueries(), r.mappingQueries(), r.evaluationQueries())
                .totalQueries(r.queries()).peakRssMegabytes(r.peakRssMegabytes()).testConfusion(test)
                .method(r.method()).testAccuracyAtBestVal(r.testAccuracyAtBestVal()).bestEpoch(r.bestEpoch()).build();
    }

    @Test
    void atTheEndTheConfusionMatrixIsTheTestSplitsWithAToggleBackToValidation(@TempDir Path runs) {
        int[][] test = {{5, 1}, {2, 4}};
        TrainingBackend scripted = scripted("completed", null);
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs), (c, d, dir, l, ctl) -> {
            scripted.run(c, d, dir, l, ctl);
            return withTestConfusion(test);
        });
        assertFalse(vm.confusion.testAvailable().get());
        vm.start(CONFIG, null);
        assertTrue(vm.confusion.testAvailable().get());
        assertTrue(vm.confusion.testShown().get(), "the headline figure's matrix is shown at the end");
        assertSame(test, vm.confusion.matrix().get());
        assertTrue(vm.confusion.caption().get().startsWith("test split · final program (epoch 2)"),
                vm.confusion.caption().get());
        vm.selectCell(1, 0);
        assertTrue(vm.confusion.cellCaption().get().startsWith("true y, predicted x: 2 test images"), vm.confusion.cellCaption().get());

        vm.history.select(1);
        assertFalse(vm.confusion.testShown().get(), "the test split has no epoch 1");
        assertTrue(vm.confusion.caption().get().startsWith("validation split · epoch 1"), vm.confusion.caption().get());
        assertTrue(vm.confusion.caption().get().contains("move the slider to the end"));
        assertTrue(vm.confusion.cellCaption().get().contains("validation image"), vm.confusion.cellCaption().get());
        vm.history.select(2);
        assertTrue(vm.confusion.testShown().get());

        vm.confusion.showTestProperty().set(false); // the toggle
        assertArrayEquals2(new int[][] {{3, 1}, {0, 4}}, vm.confusion.matrix().get());
        assertTrue(vm.confusion.caption().get().startsWith("validation split · epoch 2"), vm.confusion.caption().get());
    }

    private static void assertArrayEquals2(int[][] expected, int[][] actual) {
        assertEquals(java.util.Arrays.deepToString(expected), java.util.Arrays.deepToString(actual));
    }

    @Test
    void presentationModeTogglesAndTheHeadlineFollowsTheRun(@TempDir Path runs) {
        TrainingViewModel vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(runs),
                scripted("completed", null));
        List<String> headlines = new ArrayList<>();
        vm.headline.addListener((o, a, h) -> headlines.add(h));
        assertFalse(vm.presentation.get());
        vm.togglePresentation();
        assertTrue(vm.presentation.get());
        vm.start(CONFIG, null);
        assertEquals(List.of("Epoch 1 of 2 starting …", "Epoch 1 of 2 · validation accuracy 60.0 %",
                "Epoch 2 of 2 · validation accuracy 60.0 %", "Test accuracy 80.0 % · 2 epochs"), headlines);
        assertTrue(vm.presentation.get(), "a run does not end presentation mode");
        vm.togglePresentation();
        assertFalse(vm.presentation.get());
        assertEquals(2, vm.plannedEpochs.get(), "the curves' epoch axis runs to the planned epochs");
    }

    /** Live-view budget: a snapshot that repeats the engine's samples does not rebuild the gallery. */
    @Test
    void aRepeatedSampleGalleryIsRecognisedByIdentity() {
        TrainingSnapshot.SampleView a = new TrainingSnapshot.SampleView(0, 0, new float[4], 1, 0, null);
        TrainingSnapshot.SampleView b = new TrainingSnapshot.SampleView(1, 1, new float[4], 2, 1, null);
        TrainingSnapshot.SampleView bAgain = new TrainingSnapshot.SampleView(1, 1, new float[4], 2, 1, null);
        assertTrue(SampleGallery.sameSamples(List.of(a, b), List.copyOf(new ArrayList<>(List.of(a, b)))));
        assertFalse(SampleGallery.sameSamples(List.of(a, b), List.of(a, bAgain)), "a refresh: new views");
        assertFalse(SampleGallery.sameSamples(List.of(b, a), List.of(a, b)));
        assertFalse(SampleGallery.sameSamples(List.of(), List.of()), "nothing shown yet: show it");
        assertFalse(SampleGallery.sameSamples(null, List.of(a)));
    }

    @Test
    void nothingIsDrawnWhileTheViewsAreHiddenAndTheNewestStateShowsWhenTheyReturn(@TempDir Path runs) {
        SyncTaskExecutor ex = new SyncTaskExecutor(true);
        TrainingViewModel vm = new TrainingViewModel(ex, new RunStore(runs), (c, d, dir, l, ctl) -> result("completed",
                null));
        vm.start(CONFIG, null);
        assertTrue(vm.running.get());
        vm.onScreen.set(false); // another tab, or the window minimised
        vm.live(snap(1, 3, false));
        vm.live(snap(1, 4, false));
        vm.progress(new BatchProgress(1, 2, 4, 5, 4, 0.5, 1000, 3, 0));
        assertNull(vm.history.shown().get(), "hidden: no snapshot is drawn");
        assertEquals("", vm.progressText.get(), "hidden: the progress line waits");
        vm.onScreen.set(true);
        assertEquals(4, vm.history.shown().get().step(), "back on screen: the newest held state");
        assertTrue(vm.progressText.get().contains("batch 4/5"), vm.progressText.get());

        vm.onScreen.set(false);
        vm.epochSnapshot(snap(1, 5, true));
        assertEquals(1, vm.history.epochs().size(), "epoch ends are recorded while hidden");
        vm.live(snap(2, 6, false));
        vm.onScreen.set(true);
        assertEquals(6, vm.history.shown().get().step());
    }
}
