package org.reprogram.workbench.core.train;

import java.io.IOException;
import java.nio.file.Path;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunRecorder;

/**
 * Opens the experiment, records the run folder and trains: the one path the CLI and the GUI
 * share, so both write the same run layout.
 */
public final class RunLauncher {

    private RunLauncher() {}

    /**
     * Trains CONFIG into RUNDIR. DATASET may be null (then it is read from config.target()).
     * Bad input throws {@link org.reprogram.workbench.core.UserInputException} before anything is
     * written; training outcomes are in the result.
     */
    public static TrainingResult run(TrainConfig config, TargetDataset dataset, Path runDir, TrainingListener listener,
            TrainingControl control, long snapshotIntervalMillis) throws IOException {
        return run(config, dataset, () -> runDir, listener, control, snapshotIntervalMillis);
    }

    /** Where a run goes; asked only once model and data have loaded (no empty folders on bad input). */
    @FunctionalInterface
    public interface RunDir {
        Path create() throws IOException;
    }

    public static TrainingResult run(TrainConfig config, TargetDataset dataset, RunDir runDir, TrainingListener listener,
            TrainingControl control, long snapshotIntervalMillis) throws IOException {
        try (Experiment exp = dataset == null ? Experiment.open(config) : Experiment.open(config, dataset)) {
            RunFolderAccess.Guard recorder = record(runDir, dir -> new RunRecorder(dir, config));
            Trainer trainer = Trainer.forConfig(config, snapshotIntervalMillis);
            TrainingResult result = trainer.train(exp, TrainingListeners.of(recorder, listener), control);
            recorder.throwIfFailed();
            return result;
        }
    }

    /** Makes a run folder's recorder (e.g. {@code dir -> new RunRecorder(dir, config)}). */
    @FunctionalInterface
    public interface RecorderFactory {
        TrainingListener create(Path dir) throws IOException;
    }

    /**
     * Creates the folder and its recorder, guarded: a write failure, now or during the run, is a
     * {@link org.reprogram.workbench.core.UserInputException} naming the folder and the fix (see
     * {@link RunFolderAccess}); throw it with {@link RunFolderAccess.Guard#throwIfFailed()} after training.
     */
    public static RunFolderAccess.Guard record(RunDir runDir, RecorderFactory recorder) {
        Path dir = null;
        try {
            dir = runDir.create();
            return RunFolderAccess.guard(dir, recorder.create(dir));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw RunFolderAccess.writeFailure(dir, e);
        }
    }
}
