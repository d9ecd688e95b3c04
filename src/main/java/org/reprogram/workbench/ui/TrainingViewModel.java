package org.reprogram.workbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.RunLauncher;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * Setup values, the training service and the live state the view binds to. Engine events
 * arrive on the training thread and reach these properties coalesced (newest wins).
 */
public final class TrainingViewModel {

    // setup
    public final StringProperty source = new SimpleStringProperty("builtin");
    public final StringProperty target = new SimpleStringProperty("");
    public final ObjectProperty<ProgramKind> program = new SimpleObjectProperty<>(ProgramKind.PAD);
    public final IntegerProperty innerSize = new SimpleIntegerProperty(TrainConfig.DEMO_INNER_SIZE);
    public final ObjectProperty<MappingKind> mapping = new SimpleObjectProperty<>(MappingKind.ILM);
    public final StringProperty trainer = new SimpleStringProperty("whitebox");
    public final IntegerProperty epochs = new SimpleIntegerProperty(TrainConfig.DEMO_EPOCHS);
    public final IntegerProperty batchSize = new SimpleIntegerProperty(64);
    public final StringProperty lr = new SimpleStringProperty("0.05");
    public final IntegerProperty seed = new SimpleIntegerProperty(0);
    public final IntegerProperty shots = new SimpleIntegerProperty(0);
    public final StringProperty device = new SimpleStringProperty("auto");
    /** Live view refresh between epoch ends, in ms (0: epoch ends only). Costs CPU on small machines. */
    public final IntegerProperty liveMillis = new SimpleIntegerProperty(SNAPSHOT_INTERVAL_MILLIS);
    public final StringProperty problems = new SimpleStringProperty("");
    /** The target dataset as loaded for the preview (null while loading or on error). */
    public final ObjectProperty<TargetDataset> dataset = new SimpleObjectProperty<>();
    public final StringProperty datasetStatus = new SimpleStringProperty("");

    // live state
    public final BooleanProperty running = new SimpleBooleanProperty();
    public final BooleanProperty paused = new SimpleBooleanProperty();
    public final StringProperty progressText = new SimpleStringProperty("Ready.");
    public final StringProperty warning = new SimpleStringProperty("");
    public final ObjectProperty<RunInfo> info = new SimpleObjectProperty<>();
    public final ObjectProperty<TrainingSnapshot> live = new SimpleObjectProperty<>();
    public final ObservableList<EpochMetrics> metrics = FXCollections.observableArrayList();
    /** Epoch-end snapshots (index 0 = before training): what the step slider moves over. */
    public final ObservableList<TrainingSnapshot> history = FXCollections.observableArrayList();
    public final IntegerProperty historyIndex = new SimpleIntegerProperty(-1);
    public final BooleanProperty followNewest = new SimpleBooleanProperty(true);
    public final ObjectProperty<TrainingResult> result = new SimpleObjectProperty<>();

    /** Default live-snapshot interval; -Dreprogram.liveMillis=0 limits the live view to epoch ends. */
    static final int SNAPSHOT_INTERVAL_MILLIS = Integer.getInteger("reprogram.liveMillis", 500);
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final RunStore store;
    private final TrainingService service = new TrainingService();
    private volatile TrainingControl control = new TrainingControl();
    private volatile java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(0);
    /** The configuration the setup started from (demo, defaults or an opened run): fields the GUI does not edit come from here. */
    private TrainConfig baseConfig = TrainConfig.demo("");
    private Runnable onFinished = () -> { };
    private final Consumer<Runnable> background;
    private final Consumer<Runnable> fx;
    private String datasetError;
    private String loadingKey;
    private boolean startWhenLoaded;

    public TrainingViewModel(Path runsDir) {
        this(runsDir, backgroundThread(), Platform::runLater);
    }

    /** BACKGROUND runs dataset loading, FX hands results back; tests pass Runnable::run for both. */
    TrainingViewModel(Path runsDir, Consumer<Runnable> background, Consumer<Runnable> fx) {
        this.store = new RunStore(runsDir);
        this.background = background;
        this.fx = fx;
        List<javafx.beans.Observable> deps = List.of(source, program, innerSize, mapping, trainer, epochs,
                batchSize, lr, shots, device);
        deps.forEach(d -> d.addListener(o -> validate()));
        target.addListener(o -> loadDataset());
        seed.addListener(o -> loadDataset());
        validate();
    }

    private static Consumer<Runnable> backgroundThread() {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dataset-loader");
            t.setDaemon(true);
            return t;
        });
        return ex::execute;
    }

    /** Reads the target folder off the FX thread; the newest request wins. */
    private void loadDataset() {
        String dir = target.get();
        long s = seed.get();
        dataset.set(null);
        datasetError = null;
        if (dir == null || dir.isBlank()) {
            datasetStatus.set("");
            loadingKey = null;
            validate();
            return;
        }
        String key = dir + "#" + s;
        loadingKey = key;
        datasetStatus.set("Reading " + dir + " ...");
        validate();
        background.accept(() -> {
            TargetDataset ds = null;
            String error = null;
            try {
                ds = TargetDatasets.open(Path.of(dir), s);
            } catch (UserInputException | java.nio.file.InvalidPathException e) {
                error = e.getMessage();
            } catch (RuntimeException e) {
                error = dir + ": " + e;
            }
            TargetDataset result = ds;
            String err = error;
            fx.accept(() -> {
                if (!key.equals(loadingKey)) {
                    return; // a newer folder was chosen meanwhile
                }
                loadingKey = null;
                dataset.set(result);
                datasetError = err;
                datasetStatus.set(result == null ? "" : summary(result));
                validate();
                if (startWhenLoaded) {
                    startWhenLoaded = false;
                    start();
                }
            });
        });
    }

    static String summary(TargetDataset d) {
        int[] counts = d.train().classCounts(d.numClasses());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s (%s): %d classes, %d train / %d test%s",
                d.name(), d.format(), d.numClasses(), d.train().size(), d.test().size(),
                d.testFromTrain() ? " (test split off by seed)" : ""));
        sb.append("\ntrain per class: ");
        for (int c = 0; c < counts.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(d.classNames().get(c)).append(' ').append(counts[c]);
        }
        return sb.toString();
    }

    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> problems.get().isEmpty() && !running.get(), problems, running);
    }

    public void setOnFinished(Runnable r) {
        this.onFinished = r;
    }

    public RunStore store() {
        return store;
    }

    /** The teaching demo: built-in model, shipped digits, measured preset. */
    public void loadDemo() {
        applyConfig(TrainConfig.demo(TargetDatasets.sampleDigits().toString()));
    }

    /** Puts a saved run's configuration into the setup (so it can be re-run or varied). */
    public void applyConfig(TrainConfig c) {
        baseConfig = c;
        source.set(c.source());
        target.set(c.target());
        program.set(c.program());
        innerSize.set(c.innerSize());
        mapping.set(c.mapping());
        trainer.set(c.trainer());
        epochs.set(c.epochs());
        batchSize.set(c.batchSize());
        lr.set(Double.toString(c.lr()));
        seed.set((int) Math.min(Integer.MAX_VALUE, Math.max(0, c.seed())));
        shots.set(c.shots());
        device.set(c.device());
    }

    /** The config of the current setup values (throws IllegalArgumentException on a bad number). */
    public TrainConfig config() {
        double rate;
        try {
            rate = Double.parseDouble(lr.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("learning rate '" + lr.get() + "' is not a number");
        }
        TrainConfig b = baseConfig;
        return new TrainConfig(source.get(), target.get(), program.get(), innerSize.get(), mapping.get(),
                b.sourcesPerClass(), trainer.get(), epochs.get(), batchSize.get(), rate, b.schedule(), b.weightDecay(),
                seed.get(), shots.get(), b.valFraction(), device.get(), b.queryDirections(), b.smoothing());
    }

    void validate() {
        try {
            List<String> p = new java.util.ArrayList<>(config().problems());
            if (datasetError != null) {
                p.add(datasetError);
            } else if (loadingKey != null) {
                p.add("reading the target folder ...");
            }
            problems.set(String.join("\n", p));
        } catch (IllegalArgumentException e) {
            problems.set(e.getMessage());
        }
    }

    /**
     * Cancels a running training and waits (at most TIMEOUTMILLIS) until its run folder is
     * complete, so closing the window never leaves a run without result.json.
     */
    public void cancelAndWait(long timeoutMillis) {
        control.cancel();
        try {
            finished.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void start() {
        if (loadingKey != null && datasetError == null) {
            startWhenLoaded = true; // e.g. --demo: start as soon as the folder is read
            return;
        }
        if (running.get() || !problems.get().isEmpty()) {
            return;
        }
        TrainConfig cfg = config();
        metrics.clear();
        history.clear();
        historyIndex.set(-1);
        followNewest.set(true);
        warning.set("");
        result.set(null);
        live.set(null);
        control = new TrainingControl();
        finished = new java.util.concurrent.CountDownLatch(1);
        running.set(true);
        paused.set(false);
        progressText.set("Loading model and data...");
        service.config = cfg;
        service.data = dataset.get();
        service.liveMillis = liveMillis.get();
        service.restart();
    }

    public void pauseResume() {
        if (!running.get()) {
            return;
        }
        if (paused.get()) {
            control.resume();
            paused.set(false);
        } else {
            control.pause();
            paused.set(true);
            progressText.set(progressText.get() + "  (paused)");
        }
    }

    /** Finish after the current epoch, evaluate on test, keep the run (resumes a paused run to get there). */
    public void stop() {
        control.requestStop();
        if (paused.get()) {
            pauseResume();
        }
    }

    /** Abort now; the run folder keeps what was recorded, marked cancelled. */
    public void cancel() {
        control.cancel();
    }

    /** Shows a saved run: its history drives the slider, its metrics the curves. */
    public void showRun(RunRecord run) {
        if (running.get()) {
            return;
        }
        applyConfig(run.config());
        metrics.setAll(run.metrics());
        history.setAll(run.history());
        info.set(run.info());
        result.set(run.result());
        live.set(null);
        followNewest.set(false);
        historyIndex.set(history.size() - 1);
        warning.set(run.result() != null && "failed".equals(run.result().status()) ? run.result().message() : "");
        progressText.set("Run " + run.name() + ": " + run.status());
    }

    /** The snapshot the views show: the slider's choice, or the live one while following. */
    public TrainingSnapshot shown() {
        int i = historyIndex.get();
        if (followNewest.get() && live.get() != null) {
            return live.get();
        }
        return i >= 0 && i < history.size() ? history.get(i) : live.get();
    }

    private void onEpochSnapshot(TrainingSnapshot s) {
        history.add(s);
        if (followNewest.get()) {
            historyIndex.set(history.size() - 1);
        }
    }

    private final class TrainingService extends Service<TrainingResult> {
        private TrainConfig config;
        private TargetDataset data;
        private long liveMillis;

        @Override
        protected Task<TrainingResult> createTask() {
            TrainConfig cfg = config;
            TargetDataset ds = data;
            long live = liveMillis;
            TrainingControl ctl = control;
            return new Task<>() {
                @Override
                protected TrainingResult call() throws Exception {
                    try {
                        return RunLauncher.run(cfg, ds, () -> store.newRunDir(cfg), new FxListener(), ctl, live);
                    } finally {
                        finished.countDown();
                    }
                }

                @Override
                protected void succeeded() {
                    finish(getValue(), null);
                }

                @Override
                protected void failed() {
                    Throwable e = getException();
                    finish(null, e instanceof UserInputException || e instanceof IllegalArgumentException
                            ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            };
        }
    }

    private void finish(TrainingResult r, String error) {
        running.set(false);
        paused.set(false);
        result.set(r);
        if (error != null) {
            warning.set(error);
            progressText.set("Could not start: see the message above.");
        } else {
            progressText.set(String.format(Locale.ROOT, "Run %s: test accuracy %.4f, %d epochs, %.1f s, %.0f img/s",
                    r.status(), r.testAccuracy(), r.epochs(), r.wallSeconds(), r.imagesPerSecond()));
            if ("failed".equals(r.status())) {
                warning.set("Training failed: " + r.message());
            }
        }
        onFinished.run();
    }

    /** Engine events to FX properties, coalesced; progress text at most every 250 ms. */
    private final class FxListener implements TrainingListener {
        private long lastProgress;
        private final SnapshotPoster<BatchProgress> progress = new SnapshotPoster<>(fx, p ->
                progressText.set(String.format(Locale.ROOT, "Epoch %d/%d  batch %d/%d  loss %.4f  %.0f img/s  ETA %.0f s%s",
                        p.epoch(), p.epochs(), p.batch(), p.batches(), p.loss(), p.imagesPerSecond(), p.etaSeconds(),
                        paused.get() ? "  (paused)" : "")));
        private final SnapshotPoster<TrainingSnapshot> snapshots = new SnapshotPoster<>(fx, live::set);

        @Override
        public void onStart(RunInfo i) {
            fx.accept(() -> {
                info.set(i);
                if (!i.notices().isEmpty()) {
                    warning.set(String.join("; ", i.notices()));
                }
            });
        }

        @Override
        public void onBatch(BatchProgress p) {
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_INTERVAL_NANOS || p.batch() == p.batches()) {
                lastProgress = now;
                progress.post(p);
            }
        }

        @Override
        public void onSnapshot(TrainingSnapshot s) {
            if (s.epochEnd() || s.epoch() == 0) {
                fx.accept(() -> onEpochSnapshot(s)); // once per epoch: never dropped
            }
            snapshots.post(s);
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            fx.accept(() -> {
                metrics.add(m);
                if (m.warning() != null) {
                    warning.set(m.warning());
                }
            });
        }
    }
}
