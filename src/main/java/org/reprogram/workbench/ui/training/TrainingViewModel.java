package org.reprogram.workbench.ui.training;

import org.reprogram.workbench.core.program.ProgramLegend;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * One training (live) or one saved run (replay): progress, controls, curves, the step history
 * behind the slider, gallery and confusion-cell images, and the warning banner.
 */
public final class TrainingViewModel implements TrainingBridge.Sink {

    /** Banner levels: a notice (e.g. no GPU), a warning (collapse), an error (failure). */
    public enum Level { NONE, INFO, WARNING, ERROR }

    public final BooleanProperty running = new SimpleBooleanProperty();
    public final BooleanProperty paused = new SimpleBooleanProperty();
    public final BooleanProperty stopRequested = new SimpleBooleanProperty();
    public final StringProperty status = new SimpleStringProperty("Choose a source model and a target dataset.");
    public final StringProperty progressText = new SimpleStringProperty("");
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    public final StringProperty deviceText = new SimpleStringProperty("");
    public final StringProperty banner = new SimpleStringProperty("");
    public final ObjectProperty<Level> bannerLevel = new SimpleObjectProperty<>(Level.NONE);
    public final ObjectProperty<RunInfo> info = new SimpleObjectProperty<>();
    public final ObjectProperty<TrainingResult> result = new SimpleObjectProperty<>();
    private String statusBeforePause = "";
    public final ObjectProperty<Path> runDir = new SimpleObjectProperty<>();
    public final ObservableList<EpochMetrics> metrics = FXCollections.observableArrayList();
    /** A vision-language source's zero-shot accuracy against the run's (nothing for a classifier). */
    public final ZeroShotFigure zeroShot = new ZeroShotFigure(info, result, metrics);
    public final StepHistory history = new StepHistory();
    /** The dataset of the setup (for original images in the gallery and confusion cells). */
    public final ObjectProperty<TargetDataset> dataset = new SimpleObjectProperty<>();
    /** Under the program image: what the snapshot is, live or not, and the learned scale s (scale program). */
    public final StringProperty programCaption = new SimpleStringProperty(SnapshotTexts.EMPTY_CAPTION);
    /** What the gray levels of the program image mean for this run's program (null before a snapshot). */
    public final ObjectProperty<ProgramLegend> programLegend = new SimpleObjectProperty<>();
    /** The Samples panel: cards, their sentence, pages; recomputed from the run folder in replay. */
    public final SampleGallery samples;
    /** Validation or (at the end) test confusion matrix, its caption and the clicked cell's images. */
    public final ConfusionChoice confusion = new ConfusionChoice();
    /**
     * Presentation mode (projector): the view hides the setup and secondary panels and shows the
     * program, the samples and {@link #headline} large.
     */
    public final BooleanProperty presentation = new SimpleBooleanProperty();
    /** The run's figure in a few words, large in presentation mode: "Epoch 3 of 20 · validation accuracy 84.2 %". */
    public final StringProperty headline = new SimpleStringProperty("");
    /**
     * Whether the training views can be seen (the Train tab is selected and the window is not
     * minimised). While not, mid-epoch snapshots and progress are held, newest wins, and shown when
     * the views come back: nothing is drawn that nobody sees. Epoch ends are always recorded.
     */
    public final BooleanProperty onScreen = new SimpleBooleanProperty(true);
    private TrainingSnapshot heldLive;
    private BatchProgress heldProgress;
    /** Presentation mode's large line: what is happening, editable ("A clothing classifier learns to read digits"). */
    public final StoryLine story = new StoryLine();
    /**
     * Whether the banner shows: in presentation mode only warnings and errors do (a notice such as
     * "no GPU visible" is for the one at the keyboard, not for the room).
     */
    public final javafx.beans.binding.BooleanBinding bannerShown = javafx.beans.binding.Bindings.createBooleanBinding(
            () -> !banner.get().isEmpty() && !(presentation.get() && bannerLevel.get() == Level.INFO), banner,
            presentation, bannerLevel);
    /** The epochs the run is set up for (the curves' epoch axis runs to it). */
    public final IntegerProperty plannedEpochs = new SimpleIntegerProperty(0);

    /** Pictures of the source model's classes, shown beside the mapping. */
    public final SourcePictures sourcePictures;

    private final TaskExecutor executor;
    /** What to do when the runs folder cannot be written. */
    public static final String RUNS_FOLDER_FIX = "free disk space or make the runs folder writable (or start the workbench with"
            + " another runs folder)";

    private final RunStore store;
    private final TrainingBackend backend;
    private volatile TrainingControl control = new TrainingControl();
    private volatile boolean exiting;
    private RunSpec config;
    private volatile CountDownLatch idle = new CountDownLatch(0);
    private Consumer<TrainingResult> onFinished = r -> { };

    public TrainingViewModel(TaskExecutor executor, RunStore store, TrainingBackend backend) {
        this.executor = executor;
        this.store = store;
        this.backend = backend;
        this.samples = new SampleGallery(executor);
        this.sourcePictures = new SourcePictures(executor);
        history.shown().addListener(o -> showSnapshot(history.shown().get()));
        history.shownEpoch().addListener(o -> refreshConfusion());
        history.followLatestProperty().addListener(o -> refreshConfusion());
        result.addListener(o -> refreshConfusion());
        confusion.showTestProperty().addListener(o -> refreshConfusion());
        samples.paging.page().addListener(o -> showSnapshot(history.shown().get()));
        paused.addListener(o -> refreshCaption());
        onScreen.addListener((o, was, is) -> {
            if (is) {
                showHeld();
            }
        });
    }

    public void setOnFinished(Consumer<TrainingResult> r) {
        this.onFinished = r;
    }

    /** Trains CONFIG on DATASET (already loaded by the setup) into a new run folder. */
    public void start(RunSpec cfg, TargetDataset data) {
        launch(cfg, null, (bridge, ctl) -> {
            RunFolderAccess.requireWritable(store.root(), RUNS_FOLDER_FIX); // before the model loads
            return backend.run(cfg, data, () -> {
                Path dir = store.newRunDir(cfg);
                executor.runOnUi(() -> runDir.set(dir));
                return dir;
            }, bridge, ctl);
        });
    }

    /** Continues the interrupted run RUN from its last epoch checkpoint, live as a new training. */
    public void resume(RunRecord run) {
        launch(run.config(), run.dir(), (bridge, ctl) -> {
            RunFolderAccess.requireWritable(run.dir(), RUNS_FOLDER_FIX);
            // the curves and table start with the epochs already done (read here, off the FX thread)
            int done = org.reprogram.workbench.core.run.CheckpointFile.read(run.dir()).epoch();
            List<EpochMetrics> before = run.metrics().stream().filter(m -> m.epoch() <= done).toList();
            executor.runOnUi(() -> metrics.setAll(before));
            return backend.resume(run.dir(), bridge, ctl);
        });
        status.set("Resuming " + run.name() + " from its last finished epoch …");
    }

    private interface Work {
        TrainingResult run(TrainingBridge bridge, TrainingControl control) throws Exception;
    }

    private void launch(RunSpec cfg, Path dir, Work work) {
        if (running.get()) {
            return; // one training per window (the engine can run several: ConcurrentRunsTest)
        }
        config = cfg;
        sourcePictures.load(cfg.source());
        control = new TrainingControl();
        TrainingControl ctl = control;
        if (exiting) {
            ctl.interrupt(); // the JVM exits (see interruptForExit)
        }
        plannedEpochs.set(cfg.optimization().epochs());
        confusion.showTestProperty().set(false);
        samples.startLive(0, ctl::showSamplePage);
        metrics.clear();
        heldLive = null;
        heldProgress = null;
        history.clear();
        info.set(null);
        result.set(null);
        runDir.set(dir);
        clearCell();
        setBanner(Level.NONE, "");
        running.set(true);
        refreshHeadline();
        paused.set(false);
        stopRequested.set(false);
        progress.set(-1);
        progressText.set("");
        status.set("Loading the model and preparing the data …");
        TrainingBridge bridge = new TrainingBridge(executor::runOnUi, this);
        CountDownLatch done = new CountDownLatch(1);
        idle = done;
        executor.execute(() -> {
            try {
                return work.run(bridge, ctl);
            } finally {
                done.countDown();
            }
        }, this::finished, this::failedToRun);
    }

    /**
     * "Try it…": a run has ended here (or is replayed) with at least one trained epoch; a run
     * cancelled before its first epoch has nothing to try.
     */
    public javafx.beans.binding.BooleanBinding canTryIt() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> !running.get() && runDir.get() != null
                && result.get() != null && result.get().epochs() >= 1, running, runDir, result);
    }

    /** Presentation mode on or off (F5 in the view). */
    public void togglePresentation() {
        presentation.set(!presentation.get());
    }

    /** Pause: training waits between steps. Resume: continues exactly there. */
    public void pauseResume() {
        if (!running.get()) {
            return;
        }
        if (paused.get()) {
            control.resume();
            paused.set(false);
            status.set(statusBeforePause);
        } else {
            control.pause();
            paused.set(true);
            statusBeforePause = status.get();
            status.set("Paused: no training step runs until you press Resume.");
        }
    }

    /** Finish the current epoch, evaluate on test, keep the run as "stopped". */
    public void stop() {
        if (running.get()) {
            control.requestStop();
            stopRequested.set(true);
            status.set("Stopping after this epoch …");
        }
    }

    /** Abort at the next step; the folder keeps what was recorded, marked "cancelled". */
    public void cancel() {
        if (running.get()) {
            control.cancel();
            paused.set(false);
            status.set("Cancelling …");
        }
    }

    /** The user looked back with the slider: follow the newest state again. */
    public void backToLive() {
        if (!history.epochs().isEmpty()) {
            history.select(history.epochs().size() - 1);
        }
    }

    /** The window closes: stop at the next step as "interrupted"; the last epoch's checkpoint stays for Resume. */
    public void interrupt() {
        if (running.get()) {
            control.interrupt();
            paused.set(false);
            status.set("Interrupting: the run can be resumed from its last finished epoch …");
        }
    }

    /**
     * The JVM is exiting (a signal; callable from any thread, unlike {@link #interrupt()}): the run
     * stops at its next step as "interrupted" and writes its files; a run starting later stops at once.
     */
    public void interruptForExit() {
        exiting = true;
        control.interrupt();
    }

    /** Waits up to MILLIS for a training to end (window closing: result.json gets written). */
    public boolean awaitIdle(long millis) throws InterruptedException {
        return idle.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Shows a saved run (read with its history): the slider, views and curves replay it. */
    public void replay(RunRecord run) {
        if (running.get()) {
            return;
        }
        config = run.config();
        sourcePictures.load(config == null ? null : config.source());
        clearCell();
        plannedEpochs.set(config == null ? 0 : config.optimization().epochs());
        samples.startReplay(run.history().isEmpty() ? null : run.dir(), run.info() == null ? 0
                : run.info().targetClasses().size(), SampleViews.matching(dataset.get(), run.info(), target()));
        confusion.showTestProperty().set(run.result() != null && run.result().testConfusion() != null);
        info.set(run.info());
        story.run(run.info());
        result.set(run.result());
        runDir.set(run.dir());
        metrics.setAll(run.metrics());
        history.replay(run.history());
        progress.set(run.result() == null ? 0 : 1);
        progressText.set(run.metrics().size() + " epochs recorded");
        deviceText.set(run.info() == null ? "" : "device " + run.info().device());
        refreshHeadline();
        status.set("Replaying " + run.name() + " (" + run.status() + ")" + ResultTexts.summary(run.result()));
        setBanner(Level.NONE, "");
        if (run.result() != null && run.result().status() == RunStatus.FAILED) {
            setBanner(Level.ERROR, "This run failed: " + Fields.words(run.result().message()));
        } else {
            run.metrics().stream().filter(m -> m.warning() != null).reduce((a, b) -> b)
                    .ifPresent(m -> setBanner(Level.WARNING, "Epoch " + m.epoch() + ": " + Fields.words(m.warning())));
        }
    }

    /** Frees a replayed run's source model (the window closes; tests). */
    public void closeReplay() {
        samples.closeReplay();
    }

    /** Shows the validation images of confusion cell (true T, predicted P) at the slider's epoch. */
    public void selectCell(int t, int p) {
        confusion.selectCell(t, p);
        refreshCell();
    }

    public void clearCell() {
        confusion.clearCell();
    }

    private void refreshCell() {
        confusion.refreshCell(history.shownEpoch().get(), info.get(), SampleViews.matching(dataset.get(), info.get(),
                target()));
    }

    private void refreshConfusion() {
        int last = history.epochs().size() - 1;
        confusion.update(history.shownEpoch().get(), history.followLatestProperty().get()
                || history.selectedProperty().get() >= last, result.get());
        refreshCell();
    }

    private void refreshHeadline() {
        headline.set(SnapshotTexts.headline(metrics.isEmpty() ? null : metrics.get(metrics.size() - 1),
                plannedEpochs.get(), result.get(), running.get()));
    }

    private void showSnapshot(TrainingSnapshot s) {
        samples.show(s, info.get(), SampleViews.matching(dataset.get(), info.get(), target()), running.get());
        refreshCaption();
        programLegend.set(SnapshotTexts.legend(s, config == null || config.isBaseline() ? null
                : org.reprogram.workbench.core.program.ProgramTypes.find(config.program().id())));
    }

    /** "live · …" while following a training, "not live (training goes on)" or "(training paused)" when not. */
    private void refreshCaption() {
        TrainingSnapshot s = history.shown().get();
        boolean following = history.followLatestProperty().get();
        String prefix = !running.get() || s == null ? ""
                : following ? (paused.get() ? "paused · " : "")
                : paused.get() ? "not live (training paused) · " : "not live (training goes on) · ";
        programCaption.set(prefix + SnapshotTexts.caption(s, running.get() && following && !paused.get()));
    }

    private String target() {
        return config == null ? null : config.data().target();
    }

    // --- engine events, on the UI thread -------------------------------------------------

    @Override
    public void started(RunInfo i) {
        info.set(i);
        story.run(i);
        samples.paging.reset(i.targetClasses().size(), control::showSamplePage);
        deviceText.set("device " + i.device());
        status.set(String.format(Locale.ROOT, "Training %s → %s: %d trainable parameters (source %d frozen)",
                i.sourceName(), i.targetName(), i.trainableParameters(), i.sourceParameters()));
        if (!i.notices().isEmpty()) {
            setBanner(Level.INFO, Fields.words(String.join("\n", i.notices()))); // GUI words, not CLI options
        }
    }

    private void showHeld() {
        TrainingSnapshot s = heldLive;
        BatchProgress p = heldProgress;
        heldLive = null;
        heldProgress = null;
        if (s != null) {
            live(s);
        }
        if (p != null) {
            progress(p);
        }
    }

    @Override
    public void progress(BatchProgress p) {
        if (!running.get()) {
            return;
        }
        if (!onScreen.get()) {
            heldProgress = p;
            return;
        }
        progress.set((double) p.step() / ((long) p.batches() * p.epochs()));
        progressText.set((paused.get() ? "paused · " : "") + String.format(Locale.ROOT, "epoch %d/%d · batch %d/%d · loss %.4f · %.0f img/s · ETA %s%s",
                p.epoch(), p.epochs(), p.batch(), p.batches(), p.loss(), p.imagesPerSecond(), ResultTexts.eta(p.etaSeconds()),
                config != null && config.trainer().blackBox() ? " · " + p.queries() + " queries" : ""));
    }

    @Override
    public void live(TrainingSnapshot s) {
        if (onScreen.get()) {
            history.setLive(s);
        } else {
            heldLive = s;
        }
    }

    @Override
    public void epochSnapshot(TrainingSnapshot s) {
        history.addEpoch(s);
    }

    @Override
    public void epoch(EpochMetrics m) {
        metrics.add(m);
        refreshHeadline();
        if (m.warning() != null) {
            setBanner(Level.WARNING, "Epoch " + m.epoch() + ": " + Fields.words(m.warning()));
        }
    }

    private void finished(TrainingResult r) {
        heldLive = null; // the epoch ends are in the history; a held mid-epoch state is older
        heldProgress = null;
        confusion.showTestProperty().set(r.testConfusion() != null); // the headline figure's matrix
        result.set(r); // before running: a listener or poller that sees running=false finds the result
        running.set(false);
        paused.set(false);
        refreshHeadline();
        afterRun(r.epochs() + " epoch" + (r.epochs() == 1 ? "" : "s") + " · " + r.status());
        progress.set(r.completed() ? 1 : progress.get());
        status.set("Run " + r.status() + ResultTexts.summary(r));
        if (r.status() == RunStatus.FAILED) {
            setBanner(Level.ERROR, "Training failed: " + Fields.words(r.message()));
        }
        onFinished.accept(r);
    }

    private void failedToRun(Throwable e) {
        running.set(false);
        paused.set(false);
        refreshHeadline();
        afterRun("");
        progress.set(0);
        status.set("Could not start.");
        setBanner(Level.ERROR, "Could not start: " + (e instanceof UserInputException ? Fields.words(e.getMessage())
                : e.getClass().getSimpleName() + ": " + e.getMessage()));
        onFinished.accept(null);
    }

    /** The live wording goes when the run ends: no ETA, no "live · … (in progress)" caption. */
    private void afterRun(String progressSummary) {
        progressText.set(progressSummary);
        history.endLive();
        TrainingSnapshot shown = history.shown().get();
        if (shown != null) {
            programCaption.set(SnapshotTexts.caption(shown, false));
        }
    }

    private void setBanner(Level level, String text) {
        if (level == Level.NONE || level.compareTo(bannerLevel.get()) >= 0) {
            bannerLevel.set(level);
            banner.set(text);
        }
    }
}
