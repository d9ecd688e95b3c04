package org.reprogram.workbench.core.run;

import java.io.IOException;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.baseline.BaselineRun;
import org.reprogram.workbench.core.baseline.BaselineTrainer;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingListeners;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * The entry point of the CLI and the GUI for baselines: opens model and data, records the run
 * folder (the same layout as reprogramming runs: config.json with {@code "method"}, info.json,
 * metrics.csv, result.json; no history.jsonl, program.png or mapping files) and trains.
 */
public final class Baselines {

    private Baselines() {}

    /**
     * Runs CONFIG into the folder RUNDIR creates. Bad input throws
     * {@link org.reprogram.workbench.core.UserInputException} before RUNDIR is asked for a folder;
     * training outcomes (completed, stopped, cancelled, failed) are in the result. LISTENER gets
     * onStart, onBatch, onEpoch and onFinish (no snapshots); CONTROL pauses, stops and cancels.
     */
    public static TrainingResult run(RunSpec config, RunLauncher.RunDir runDir, TrainingListener listener,
            TrainingControl control) throws IOException {
        try (BaselineRun run = BaselineRun.open(config)) {
            return record(run, runDir, listener, control);
        }
    }

    /** As {@link #run(RunSpec, RunLauncher.RunDir, TrainingListener, TrainingControl)} on a loaded DATASET. */
    public static TrainingResult run(RunSpec config, TargetDataset dataset, RunLauncher.RunDir runDir,
            TrainingListener listener, TrainingControl control) throws IOException {
        try (BaselineRun run = BaselineRun.open(config, dataset)) {
            return record(run, runDir, listener, control);
        }
    }

    private static TrainingResult record(BaselineRun run, RunLauncher.RunDir runDir, TrainingListener listener,
            TrainingControl control) throws IOException {
        try (RunFolderAccess.Guard recorder = RunLauncher.record(runDir, dir -> new RunRecorder(dir, run.config()))) {
            TrainingResult result = new BaselineTrainer().train(run, TrainingListeners.of(recorder, listener), control);
            recorder.throwIfFailed();
            return result;
        }
    }
}
