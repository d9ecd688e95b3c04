package org.reprogram.workbench.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;

/** Ties setup, training and runs together: Start, the demo, opening a saved run. */
public final class WorkbenchViewModel {

    public static final int TRAIN_TAB = 0;
    public static final int RUNS_TAB = 1;

    public final SetupViewModel setup;
    public final TrainingViewModel training;
    public final RunsViewModel runs;
    /** The selected tab (0 = Train, 1 = Runs). */
    public final IntegerProperty tab = new SimpleIntegerProperty(TRAIN_TAB);
    private final BooleanBinding canStart;
    private boolean startWhenReady;

    public WorkbenchViewModel(TaskExecutor executor, RunStore store, TrainingBackend backend) {
        setup = new SetupViewModel(executor);
        training = new TrainingViewModel(executor, store, backend);
        runs = new RunsViewModel(executor, store);
        training.dataset.bind(setup.dataset());
        training.setOnFinished(r -> runs.refresh());
        canStart = Bindings.createBooleanBinding(() -> setup.problems.isEmpty() && !training.running.get(),
                setup.problems, training.running);
        // --demo: start once the model is checked and the folder is read (or give up on an error)
        setup.busy.addListener((o, was, busy) -> {
            if (!busy && startWhenReady) {
                startWhenReady = false;
                start();
            }
        });
        runs.refresh();
    }

    public BooleanBinding canStart() {
        return canStart;
    }

    public void start() {
        if (canStart.get()) {
            training.start(setup.config(), setup.dataset().get());
        }
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

    /** Reads RECORD with its history and replays it in the Train tab (setup filled from its config). */
    public void openRun(RunRecord record) {
        if (training.running.get()) {
            runs.message.set("A training is running: open the run when it has finished.");
            return;
        }
        runs.open(record, full -> {
            setup.apply(full.config());
            training.replay(full);
            tab.set(TRAIN_TAB);
        });
    }
}
