package org.reprogram.workbench.ui.runs;

import org.reprogram.workbench.core.spec.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.baseline.BaselinePlan;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.TaskExecutor;
import org.reprogram.workbench.ui.training.TrainingViewModel;

/**
 * "Run baselines" for the current setup: linear probe, fine-tuning and training from scratch on
 * the same source, target, splits and seed, queued one after another in the background, each
 * visible (state, epoch, result) and the whole queue cancellable. Finished runs land in the
 * run store like any other run. A baseline that cannot run on this setup (a linear probe on a
 * TorchScript model without a features method, or any refusal of its own) is skipped with its
 * reason and the others still run.
 */
public final class BaselineQueueViewModel {

    /** One queued baseline as the view shows it. */
    public record Item(String kind, String state) {}

    public final ObservableList<Item> items = FXCollections.observableArrayList();
    public final BooleanProperty running = new SimpleBooleanProperty();
    public final StringProperty status = new SimpleStringProperty("");
    private final TaskExecutor executor;
    private final RunStore store;
    private final BaselineBackend backend;
    private volatile TrainingControl control;
    private volatile boolean cancelled;
    private Runnable onEachFinished = () -> {};

    public BaselineQueueViewModel(TaskExecutor executor, RunStore store, BaselineBackend backend) {
        this.executor = executor;
        this.store = store;
        this.backend = backend;
    }

    /** Called on the UI thread after every finished baseline (the runs list refreshes). */
    public void setOnEachFinished(Runnable r) {
        onEachFinished = r;
    }

    /**
     * The three baselines for SETUP's source, target, seed, shots, validation share, epochs, batch
     * size and device (so the splits are the reprogramming run's): the same run specification with
     * the method changed, each at its own default learning rate and schedule ({@link
     * org.reprogram.workbench.core.spec.Setting#defaultFor}). The linear probe is trained to
     * convergence (its default iteration cap, not the setup's epochs).
     */
    public static List<RunSpec> configsFor(RunSpec setup) {
        List<RunSpec> list = new ArrayList<>();
        for (Method k : Method.values()) {
            if (!k.isBaseline()) {
                continue;
            }
            int epochs = k == Method.LINEAR_PROBE ? Settings.EPOCHS.defaultFor(k) : setup.optimization().epochs();
            list.add(setup.withMethod(k).with(Settings.EPOCHS, epochs).with(Settings.LR, Settings.LR.defaultFor(k))
                    .with(Settings.SCHEDULE, Settings.SCHEDULE.defaultFor(k)));
        }
        return list;
    }

    /** Queues the three baselines for SETUP (ignored while a queue runs). */
    public void runAll(RunSpec setup) {
        if (running.get()) {
            return;
        }
        List<RunSpec> queue = configsFor(setup);
        items.setAll(queue.stream().map(c -> new Item(c.method().id(), "queued")).toList());
        running.set(true);
        cancelled = false;
        status.set("Baselines: starting " + queue.get(0).method().id() + " …");
        List<String> skipped = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        executor.execute(() -> {
            for (int i = 0; i < queue.size() && !cancelled; i++) {
                String why = runOne(i, queue.get(i));
                if (why != null) {
                    skipped.add(ResultTexts.method(queue.get(i).method().id()) + " skipped: " + why);
                    reasons.add(why);
                }
            }
            return null;
        }, v -> finish(cancelled ? "Baselines cancelled." + (skipped.isEmpty() ? "" : " " + String.join(" ", skipped))
                : reasons.size() == queue.size() && reasons.stream().distinct().count() == 1
                ? "Baselines stopped: " + reasons.get(0) // the same refusal for all: the setup's, said once
                : (reasons.size() == queue.size() ? "No baseline could run." : "Baselines finished: see the Runs table.")
                        + (skipped.isEmpty() ? "" : " " + String.join(" ", skipped))),
                e -> finish("Baselines stopped: " + Fields.words(e.getMessage())));
    }

    /** Runs the INDEXth baseline; returns why it could not run (skipped), or null. */
    private String runOne(int index, RunSpec config) throws Exception {
        TrainingControl c = new TrainingControl();
        control = c;
        if (cancelled) {
            c.cancel();
        }
        String kind = config.method().id();
        String cannot = BaselinePlan.cannotRun(config); // known before anything loads
        if (cannot != null) {
            executor.runOnUi(() -> set(index, "skipped"));
            return Fields.words(cannot);
        }
        executor.runOnUi(() -> set(index, "running"));
        RunFolderAccess.requireWritable(store.root(), TrainingViewModel.RUNS_FOLDER_FIX); // before the model loads
        boolean probe = config.method() == Method.LINEAR_PROBE;
        String step = probe ? "iteration" : "epoch";
        TrainingResult r;
        try {
            r = backend.run(config, () -> store.newRunDir(config),
                    new TrainingListener() {
                        @Override
                        public void onEpoch(EpochMetrics m) {
                            executor.runOnUi(() -> {
                                set(index, String.format(Locale.ROOT, "%s %d/%d, val %.3f", step, m.epoch(),
                                        config.optimization().epochs(), m.valAccuracy()));
                                status.set("Baselines: " + ResultTexts.method(kind) + ", " + step + " " + m.epoch() + "/" + config.optimization().epochs());
                            });
                        }
                    }, c);
        } catch (UserInputException e) { // this baseline refuses this setup: the next one may still run
            executor.runOnUi(() -> set(index, "skipped"));
            return Fields.words(e.getMessage());
        }
        String state = !r.completed() ? r.status() + (r.message() == null ? "" : ": " + Fields.words(r.message()))
                : probe ? String.format(Locale.ROOT, "test %.3f (%d L-BFGS iterations, final training loss %.4f, %.0f s)",
                        r.testAccuracy(), r.epochs(), r.finalTrainLoss(), r.wallSeconds())
                : String.format(Locale.ROOT, "test %.3f (%.0f s)", r.testAccuracy(), r.wallSeconds());
        executor.runOnUi(() -> {
            set(index, state);
            onEachFinished.run();
        });
        return null;
    }

    private void set(int index, String state) {
        if (index < items.size()) {
            items.set(index, new Item(items.get(index).kind(), state));
        }
    }

    private void finish(String message) {
        running.set(false);
        status.set(message);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).state().equals("queued")) {
                set(i, "not run");
            }
        }
    }

    /** Cancels the running baseline and drops the queued ones. */
    public void cancel() {
        cancelled = true;
        TrainingControl c = control;
        if (c != null) {
            c.cancel();
        }
    }
}
