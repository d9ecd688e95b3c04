package org.reprogram.workbench.ui.studies;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.StudyRunner;
import org.reprogram.workbench.core.study.TrialBackend;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The Studies tab: launches a study from the form (or resumes an opened one) on a background
 * thread, shows its trials live, its leaderboard and parallel coordinates, cancels it, and opens a
 * finished trial in the Train tab's replay. One study runs at a time (one Spark context per JVM),
 * and none while the window trains otherwise ({@link #trainingBusy}).
 * The driver's events arrive on its threads and reach the UI through a {@link UiThrottle}: at most
 * {@value #UPDATES_PER_SECOND} updates a second.
 */
public final class StudiesViewModel {

    /** The most UI updates a second the live table gets. */
    public static final int UPDATES_PER_SECOND = 10;
    static final String BLOCKED = "A study is running in this window: only one runs at a time (one Spark context per"
            + " JVM). Cancel it or wait until it ends.";

    static final String TRAINING = "A training or the baselines are running (Train or Runs tab): launch the study"
            + " when they have ended.";

    public final StudyFormViewModel form;
    public final BooleanProperty running = new SimpleBooleanProperty();
    /** True while the window trains otherwise (Train tab, baselines): a study waits (the window binds it). */
    public final BooleanProperty trainingBusy = new SimpleBooleanProperty();
    /** What happened last, or what went wrong ("error: ..."). */
    public final StringProperty status = new SimpleStringProperty("");
    /** Where the trials run: the backend's own description once it is open. */
    public final StringProperty backendLine = new SimpleStringProperty("");
    /** The study shown (launched or opened); null before one. */
    public final ObjectProperty<Path> study = new SimpleObjectProperty<>();
    public final ObservableList<TrialRow> trials = FXCollections.observableArrayList();
    public final ObservableList<LeaderRow> leaderboard = FXCollections.observableArrayList();
    public final StringProperty summary = new SimpleStringProperty("");
    public final ObjectProperty<ParallelData> coordinates = new SimpleObjectProperty<>(ParallelData.EMPTY);
    private final BooleanBinding canLaunch;
    private final BooleanBinding canResume;
    private final StringBinding blockedReason;
    private final TaskExecutor executor;
    private final Function<BackendChoice, TrialBackend> backends;
    private final Consumer<RunRecord> openRun;
    private final StudyProgress progress;
    private final AtomicReference<StudyRunner> runner = new AtomicReference<>();
    private volatile boolean cancelAsked;

    /**
     * @param executor background work and hand-overs to the UI thread
     * @param runs the runs folder (the estimate's measured epoch)
     * @param base the Train tab's run spec
     * @param baseProblem why the Train tab's setup cannot be a base ("" when it can)
     * @param backends opens the backend for a choice (Spark; tests give an in-process one)
     * @param openRun opens a run folder as the Runs tab does (replay in the Train tab)
     */
    public StudiesViewModel(TaskExecutor executor, RunStore runs, Supplier<RunSpec> base, Supplier<String> baseProblem,
            Function<BackendChoice, TrialBackend> backends, Consumer<RunRecord> openRun) {
        this.executor = executor;
        this.backends = backends;
        this.openRun = openRun;
        this.form = new StudyFormViewModel(executor, runs, base, baseProblem);
        this.progress = new StudyProgress(executor, 1000 / UPDATES_PER_SECOND, this::show);
        canLaunch = form.valid.and(running.not()).and(trainingBusy.not());
        canResume = study.isNotNull().and(running.not()).and(trainingBusy.not());
        blockedReason = Bindings.when(running).then(BLOCKED).otherwise(Bindings.when(trainingBusy).then(TRAINING)
                .otherwise(""));
    }

    public BooleanBinding canLaunch() {
        return canLaunch;
    }

    public BooleanBinding canResume() {
        return canResume;
    }

    /** Why Launch and Resume are disabled while a study runs ("" otherwise). */
    public StringBinding blockedReason() {
        return blockedReason;
    }

    /** Writes the form's spec, creates the study folder and runs the study in the background. */
    public void launch() {
        if (running.get() || trainingBusy.get()) {
            status.set(running.get() ? BLOCKED : TRAINING);
            return;
        }
        String yaml = form.checkedYaml();
        if (yaml == null || !form.valid.get()) {
            status.set("Fix the fields marked with an error first.");
            return;
        }
        Path dir = form.folderPath();
        BackendChoice choice = form.backendChoice();
        run(() -> {
            Path spec = Files.createTempFile("study", ".yaml");
            try {
                Files.writeString(spec, yaml, StandardCharsets.UTF_8);
                StudyFolder f = StudyFolder.create(dir, spec);
                choice.write(dir);
                return f;
            } finally {
                Files.deleteIfExists(spec);
            }
        }, choice, "Study launched in " + dir);
        form.freshFolder();
    }

    /** Opens the study in DIR: its trials, leaderboard and plot as its folder has them (Resume runs the rest). */
    public void open(Path dir) {
        if (running.get()) {
            status.set(BLOCKED);
            return;
        }
        executor.execute(() -> {
            StudyFolder f = StudyFolder.open(dir);
            progress.start(f, describe(BackendChoice.read(dir)));
            progress.onState(f.trialStates(), null, Set.of());
            return f;
        }, f -> {
            study.set(f.dir());
            progress.flush();
            long ended = trials.stream().filter(t -> !TrialRow.NOT_STARTED.equals(t.state())
                    && !TrialRow.PAUSED.equals(t.state())).count();
            status.set("Opened " + dir + ": " + ended + " of " + trials.size() + " trials ended"
                    + (ended < trials.size() ? "; Resume runs the rest." : "."));
        }, e -> status.set(error(e)));
    }

    /** Runs the rest of the opened study, where it was recorded to run unless the master field says otherwise. */
    public void resume() {
        Path dir = study.get();
        if (running.get() || trainingBusy.get() || dir == null) {
            status.set(running.get() ? BLOCKED : trainingBusy.get() ? TRAINING : "Open a study first.");
            return;
        }
        String master = form.master.get() == null ? "" : form.master.get().strip();
        run(() -> {
            StudyFolder f = StudyFolder.open(dir);
            BackendChoice recorded = BackendChoice.read(dir);
            if (!master.isEmpty()) {
                recorded.with(master, null, null, null).write(dir);
            }
            return f;
        }, null, "Study resumed in " + dir);
    }

    /** Cancels the running study: trials in flight stop, and Resume continues it later. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelAsked = true;
        status.set("Cancelling: trials in flight stop; Resume runs them again later.");
        StudyRunner r = runner.get();
        if (r != null) {
            executor.execute(() -> {
                r.cancel();
                return null;
            }, x -> { }, e -> { });
        }
    }

    /** Opens ROW's run folder in the Train tab's replay, as the Runs tab does. */
    public void openTrial(TrialRow row) {
        if (row == null) {
            return;
        }
        if (!row.openable()) {
            status.set("Trial " + row.id() + " has no run folder to open yet (" + row.state() + ").");
            return;
        }
        openRun.accept(row.run());
    }

    /** Runs the study PREPARE gives on CHOICE (null: the one recorded in its folder), in the background. */
    private void run(Callable<StudyFolder> prepare, BackendChoice choice, String started) {
        running.set(true);
        cancelAsked = false;
        status.set(started.replace("launched", "starting").replace("resumed", "resuming") + " …");
        executor.execute(() -> {
            StudyFolder f = prepare.call();
            StudyRunner.requireRunnable(f);
            BackendChoice c = choice != null ? choice : BackendChoice.read(f.dir());
            progress.start(f, describe(c) + " (starting)");
            progress.onState(f.trialStates(), null, Set.of());
            executor.runOnUi(() -> study.set(f.dir()));
            try (TrialBackend backend = backends.apply(c)) {
                progress.backend(backend.describe());
                StudyRunner r = new StudyRunner(f, backend, progress);
                runner.set(r);
                if (cancelAsked) {
                    r.cancel();
                }
                return r.run();
            } finally {
                runner.set(null);
                progress.onState(f.trialStates(), null, Set.of());
            }
        }, ending -> {
            running.set(false);
            progress.finish();
            status.set(ending == StudyRunner.Ending.DONE ? "Study finished: " + study.get()
                    : "Study cancelled: Resume (after Open study…, or now) runs the trials that are left.");
        }, e -> {
            running.set(false);
            progress.finish();
            status.set(error(e));
        });
    }

    /** The UI's copy of the newest progress (on the UI thread, throttled). */
    private void show(StudyProgress.View v) {
        if (v.backend() != null) {
            backendLine.set(v.backend());
        }
        if (running.get() && v.message() != null && !cancelAsked) {
            status.set(v.message());
        }
        trials.setAll(v.rows());
        if (v.board() != null) {
            leaderboard.setAll(v.board());
            summary.set(v.summary());
            coordinates.set(v.coordinates());
        }
    }

    /** The backend CHOICE in words, before it is open. */
    static String describe(BackendChoice choice) {
        return choice.isLocal() ? "local mode" + (choice.master() != null ? " (" + choice.master() + ")" : "")
                + ": trials run in this window's JVM" : "cluster " + choice.master();
    }

    private static String error(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.toString();
        return m.startsWith("error:") ? m : "error: " + Fields.words(m);
    }
}
