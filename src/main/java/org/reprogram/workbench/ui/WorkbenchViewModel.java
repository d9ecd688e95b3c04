package org.reprogram.workbench.ui;

import org.reprogram.workbench.core.spec.RunSpec;
import java.nio.file.Path;
import java.util.function.Function;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.TrialBackend;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.TaskExecutor;
import org.reprogram.workbench.ui.runs.BaselineBackend;
import org.reprogram.workbench.ui.runs.BaselineQueueViewModel;
import org.reprogram.workbench.ui.runs.RunsViewModel;
import org.reprogram.workbench.ui.studies.SparkStudies;
import org.reprogram.workbench.ui.studies.StudiesViewModel;
import org.reprogram.workbench.ui.setup.SetupViewModel;
import org.reprogram.workbench.ui.training.TrainingBackend;
import org.reprogram.workbench.ui.training.TrainingViewModel;
import org.reprogram.workbench.ui.tryit.TryItViewModel;

/** Ties setup, training, runs and studies together: Start, the demo, opening a saved run. */
public final class WorkbenchViewModel {

    public static final int TRAIN_TAB = 0;
    public static final int RUNS_TAB = 1;
    public static final int STUDIES_TAB = 2;

    public final SetupViewModel setup;
    public final TrainingViewModel training;
    public final RunsViewModel runs;
    public final BaselineQueueViewModel baselines;
    public final StudiesViewModel studies;
    /** The selected tab (0 = Train, 1 = Runs, 2 = Studies). */
    public final IntegerProperty tab = new SimpleIntegerProperty(TRAIN_TAB);
    /** Windows narrower than this (px) hide the setup while a run trains. */
    public static final double NARROW_WIDTH = 1400;
    /** Whether the setup form stands beside the live views (the toggle; presentation mode hides it too). */
    public final BooleanProperty setupShown = new SimpleBooleanProperty(true);
    /** True while the window is narrower than {@link #NARROW_WIDTH} (the view binds it). */
    public final BooleanProperty narrow = new SimpleBooleanProperty();
    private final BooleanBinding setupVisible;
    private boolean setupAutoHidden;
    private final BooleanBinding canStart;
    private final BooleanBinding canRunBaselines;
    private final TaskExecutor executor;
    private boolean startWhenReady;

    public WorkbenchViewModel(TaskExecutor executor, RunStore store, TrainingBackend backend) {
        this(executor, store, backend, BaselineBackend.engine());
    }

    public WorkbenchViewModel(TaskExecutor executor, RunStore store, TrainingBackend backend,
            BaselineBackend baselineBackend) {
        this(executor, store, backend, baselineBackend, SparkStudies::open);
    }

    /** STUDYBACKENDS opens the backend of the Studies tab (Spark; tests give an in-process one). */
    public WorkbenchViewModel(TaskExecutor executor, RunStore store, TrainingBackend backend,
            BaselineBackend baselineBackend, Function<BackendChoice, TrialBackend> studyBackends) {
        this.executor = executor;
        setup = new SetupViewModel(executor);
        baselines = new BaselineQueueViewModel(executor, store, baselineBackend);
        training = new TrainingViewModel(executor, store, backend);
        runs = new RunsViewModel(executor, store);
        studies = new StudiesViewModel(executor, store, setup::config, () -> String.join("; ", setup.problems),
                studyBackends, this::openRun);
        setup.problems.addListener((javafx.collections.ListChangeListener<String>) c -> studies.form.refreshBase());
        // opening a trial reports through the Runs tab's message: the Studies tab shows it too
        runs.message.addListener((o, was, now) -> {
            if (tab.get() == STUDIES_TAB && now != null && !now.isEmpty()) {
                studies.status.set(now);
            }
        });
        training.dataset.bind(setup.dataset());
        training.setOnFinished(r -> runs.refresh());
        // a run shows up in the Runs tab as 'running' once its folder is written (the engine has started)
        training.info.addListener((o, was, started) -> {
            if (started != null && training.running.get()) {
                runs.refresh();
            }
        });
        baselines.setOnEachFinished(runs::refresh);
        setupVisible = setupShown.and(training.presentation.not());
        training.running.addListener((o, was, running) -> autoHideSetup(running));
        // one thing trains at a time: a study's local trials share the cores (and the engine) with a training
        canStart = Bindings.createBooleanBinding(() -> setup.problems.isEmpty() && !training.running.get()
                && !baselines.running.get() && !studies.running.get(), setup.problems, training.running,
                baselines.running, studies.running);
        studies.trainingBusy.bind(training.running.or(baselines.running));
        canRunBaselines = canStart;
        canStart.addListener(o -> readyStatus());
        setup.attention().addListener(o -> readyStatus());
        setup.modelCard().addListener(o -> readyStatus());
        setup.target().addListener(o -> readyStatus());
        readyStatus();
        // --demo: start once the model is checked and the folder is read (or give up on an error)
        setup.busy.addListener((o, was, busy) -> {
            if (!busy && startWhenReady) {
                startWhenReady = false;
                start();
            }
        });
        runs.refresh();
    }

    /** Before any run: the status line says what is missing, or that Start is ready. */
    static final String CHOOSE = "Choose a source model and a target dataset.";
    static final String CHOOSE_MODEL = "Choose a source model.";
    static final String CHOOSE_TARGET = "Choose a target dataset: a folder, or Sample digits.";
    static final String READY = "Ready: press Start training (or Start teaching demo for the preset).";
    static final String STUDY_RUNNING = "A study is running (Studies tab): start training when it has ended or is"
            + " cancelled.";

    private String readyText = CHOOSE;

    private void readyStatus() {
        if (training.running.get() || !readyText.equals(training.status.get())) {
            return; // a run's own status stays until the next run
        }
        boolean model = setup.modelCard().get() != null;
        boolean target = setup.target().get() != null && !setup.target().get().isBlank();
        String attention = setup.attention().get();
        // says what is still missing (not "Ready." while Start is disabled)
        String choose = !model && !target ? CHOOSE : !model ? CHOOSE_MODEL : CHOOSE_TARGET;
        readyText = canStart.get() ? READY : studies.running.get() ? STUDY_RUNNING
                : !(model && target) || attention.isEmpty() ? choose : "Not ready: " + attention + " (see the setup).";
        training.status.set(readyText);
    }

    /**
     * The setup shows what a resumed run trains (its target too). A TorchScript source other than
     * the setup's is test-loaded by the setup's check: that waits until the run has ended (no model
     * loads beside a training step).
     */
    private void showInSetup(RunSpec config) {
        if (config == null) {
            return;
        }
        String spec = config.source() == null || config.source().equals("builtin") ? "builtin" : config.source();
        if (spec.startsWith("builtin") || spec.equals(setup.source.get())) {
            setup.apply(config);
            return;
        }
        training.running.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    training.running.removeListener(this);
                    setup.apply(config);
                }
            }
        });
    }

    /** The setup form is on screen: shown, and not in presentation mode. */
    public BooleanBinding setupVisible() {
        return setupVisible;
    }

    /** The "Hide setup" / "Show setup" button. */
    public void toggleSetup() {
        setupAutoHidden = false;
        setupShown.set(!setupShown.get());
    }

    /** In a narrow window a starting run takes the whole width; the setup comes back when it ends. */
    private void autoHideSetup(boolean running) {
        if (running && narrow.get() && setupShown.get()) {
            setupAutoHidden = true;
            setupShown.set(false);
        } else if (!running && setupAutoHidden) {
            setupAutoHidden = false;
            setupShown.set(true);
        }
    }

    public BooleanBinding canStart() {
        return canStart;
    }

    /** True when the setup is valid and nothing trains: the baselines may run. */
    public BooleanBinding canRunBaselines() {
        return canRunBaselines;
    }

    /**
     * Queues linear probe, fine-tuning and training from scratch for the current setup's source,
     * target, splits, seed and epochs; results appear in the runs list as they finish.
     */
    public void runBaselines() {
        if (canRunBaselines.get()) {
            baselines.runAll(setup.config());
        } else {
            runs.message.set("Baselines need a valid setup (Train tab) and no training running.");
        }
    }

    public void start() {
        if (canStart.get()) {
            training.start(setup.config(), setup.dataset().get());
        }
    }

    /**
     * The JVM is exiting (SIGTERM, Ctrl-C, logout; called by the window's shutdown hook, on any
     * thread but the FX one): a training stops at its next step as "interrupted" (resumable from its
     * last finished epoch), the baselines are cancelled, no background job starts any more, and this
     * waits up to MILLIS until the running ones have returned. Only then may the JVM exit: libtorch
     * frees its globals at exit, and a step still running then crashed the JVM. True when all ended.
     */
    public boolean closeForExit(long millis) throws InterruptedException {
        training.interruptForExit();
        baselines.cancel();
        studies.cancel();
        return executor.closeAndAwait(millis);
    }

    /**
     * The PyTorch threads of everything this window starts (runs, baselines, try-it): the window's
     * own default, one core fewer than the machine has ({@code ComputeThreads.forTheWindow()}); 0 (the
     * default) is all available cores.
     */
    public void useThreads(int threads) {
        setup.useThreads(threads);
    }

    /** The teaching demo: fills the setup and starts as soon as it is valid. */
    public void startDemo() {
        setup.applyDemo();
        if (setup.busy.get()) {
            startWhenReady = true;
        } else {
            start();
        }
    }

    /** Continues an interrupted run (Runs tab): live in the Train tab, into the same folder. */
    public void resumeRun(RunRecord record) {
        if (training.running.get() || baselines.running.get() || studies.running.get()) {
            runs.message.set((studies.running.get() ? "A study is running" : "A training is running")
                    + ": resume the run when it has finished.");
            return;
        }
        if (!record.isResumable()) {
            runs.message.set(record.name() + " cannot be resumed: " + (record.isBaseline() ? "baselines keep no checkpoints"
                    : "it is " + record.status() + (record.isTraining() ? "" : " and has no checkpoint to go on from"))
                    + ".");
            return;
        }
        tab.set(TRAIN_TAB);
        showInSetup(record.config());
        training.resume(record);
    }

    /**
     * "Try it" on the finished run in RUNDIR (the Train tab's run, or one chosen in the Runs tab):
     * the window's model, which opens the classifier when the window calls {@link TryItViewModel#load()}.
     */
    public TryItViewModel tryIt(Path runDir) {
        return new TryItViewModel(executor, runDir, setup.threads());
    }

    /** Reads RECORD with its history and replays it in the Train tab (setup filled from its config). */
    public void openRun(RunRecord record) {
        if (training.running.get()) {
            runs.message.set("A training is running: open the run when it has finished.");
            return;
        }
        if (record.isBaseline()) {
            runs.message.set("A " + ResultTexts.method(record) + " baseline has no program or mapping to replay:"
                    + " select it with reprogramming runs to compare them.");
            return;
        }
        runs.open(record, full -> {
            setup.apply(full.config());
            training.replay(full);
            tab.set(TRAIN_TAB);
        });
    }
}
