package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.file.Path;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.model.PromptClassifier;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.train.BatchMemory;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.spec.ResourceSpec;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.ComputeThreads;
import org.reprogram.workbench.core.train.Trainer;
import org.reprogram.workbench.core.train.TrainingCheckpoint;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingListeners;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * Opens the experiment, records the run folder and trains: the one path the CLI and the GUI
 * share, so both write the same run layout, and both hold the folder's {@link RunFolderLock} for the
 * whole run (one writer per run folder).
 */
public final class RunLauncher {

    private RunLauncher() {}

    /**
     * Trains CONFIG into RUNDIR. DATASET may be null (then it is read from config.data().target()).
     * Bad input throws {@link org.reprogram.workbench.core.UserInputException} before anything is
     * written; training outcomes are in the result.
     */
    public static TrainingResult run(RunSpec config, TargetDataset dataset, Path runDir, TrainingListener listener,
            TrainingControl control, long snapshotIntervalMillis) throws IOException {
        return run(config, dataset, () -> runDir, listener, control, snapshotIntervalMillis);
    }

    /** Where a run goes; asked only once model and data have loaded (no empty folders on bad input). */
    @FunctionalInterface
    public interface RunDir {
        Path create() throws IOException;
    }

    /**
     * Continues the run in RUNDIR from its last epoch checkpoint (written at every epoch end), with
     * the configuration in its config.json and the resources it recorded ({@link #recordedResources});
     * later metrics/history lines are dropped first. DATASET may be null (read from the config's
     * target). Clear errors for a baseline run, a completed run, a run still training and a run
     * without a checkpoint.
     */
    public static TrainingResult resume(Path runDir, TargetDataset dataset, TrainingListener listener,
            TrainingControl control, long snapshotIntervalMillis) throws IOException {
        return resume(runDir, dataset, null, listener, control, snapshotIntervalMillis);
    }

    /**
     * As {@link #resume(Path, TargetDataset, TrainingListener, TrainingControl, long)} with RESOURCES
     * (threads, data memory, device) instead of those the run recorded; null: as recorded.
     */
    public static TrainingResult resume(Path runDir, TargetDataset dataset, ResourceSpec resources,
            TrainingListener listener, TrainingControl control, long snapshotIntervalMillis) throws IOException {
        RunStore.load(runDir, false); // a clear error for a folder that is not a run, before the claim writes
        RunFolderAccess.requireWritable(runDir, "make the run folder writable, or copy it somewhere writable and"
                + " resume the copy");
        try (RunFolderLock claim = claim(runDir, false)) {
            RunRecord rec = RunStore.load(runDir, false); // as it is now that no other process can change it
            if (rec.isBaseline()) {
                throw UserInputException.forFile(runDir, "is a baseline run (" + rec.method() + "); baselines keep"
                        + " no checkpoints", "run the baseline again");
            }
            if (rec.isTraining()) {
                throw UserInputException.forFile(runDir, "is still training in another process", "wait for it, or"
                        + " stop it first");
            }
            if (rec.result() != null && rec.result().completed()) {
                throw UserInputException.forFile(runDir, "already ended (" + rec.result().status() + ")",
                        "start a new run with train (e.g. with more --epochs)");
            }
            TrainingCheckpoint from = CheckpointFile.read(runDir);
            RunSpec config = rec.config().withResources(resources != null ? resources : recordedResources(rec));
            if (from.epoch() > config.optimization().epochs()) {
                throw UserInputException.forFile(runDir, "has a checkpoint after epoch " + from.epoch() + " but its"
                        + " config.json asks for " + config.optimization().epochs() + " epochs", "nothing is left to train; start a"
                        + " new run for more epochs");
            }
            // a checkpoint of the last epoch: the run was killed in its final evaluation or while writing its end
            // files; the trainer then only evaluates and the recorder writes what is missing
            if (dataset == null) {
                TargetFingerprint.check(runDir, Path.of(config.data().target()));
            }
            Experiment opened;
            try {
                opened = dataset == null ? Experiment.open(config) : Experiment.open(config, dataset);
            } catch (BatchMemory.TooLarge e) {
                throw e.forResume(runDir, config.optimization().batchSize()); // resume takes no --batch-size
            }
            try (Experiment exp = opened) {
                requireSameClasses(runDir, rec, exp);
                requireSamePrompts(runDir, exp);
                RunFolderAccess.Guard recorder = record(() -> runDir, dir -> {
                    RunRecorder r = RunRecorder.resume(dir, from.epoch());
                    if (!RunPromptsFile.exists(dir)) { // a run started before prompts were saved
                        RunPromptsFile.writeFor(dir, exp.source());
                    }
                    return r;
                });
                try (recorder) {
                    Trainer trainer = Trainer.forConfig(config, snapshotIntervalMillis);
                    TrainingResult result = trainer.train(exp, TrainingListeners.of(recorder, listener), control, from);
                    recorder.throwIfFailed();
                    return result;
                }
            }
        }
    }

    /**
     * The resources REC's run trained with: those of its config.json, and where that leaves the
     * threads to the machine (0, as every run before per-run resources did), the count it recorded
     * with its device ("cpu, 2 threads"): float sums are split by thread, so resumed epochs then
     * compute what the uninterrupted run would have. A count above this machine's limit is left out.
     */
    public static ResourceSpec recordedResources(RunRecord rec) {
        ResourceSpec r = rec.config().resources();
        String recorded = RunParameter.THREADS.valueOf(rec);
        if (r.threads() != 0 || !recorded.matches("\\d{1,6}")) {
            return r;
        }
        int n = Integer.parseInt(recorded);
        return n >= 1 && n <= ComputeThreads.max() ? new ResourceSpec(r.device(), n, r.dataMemoryBytes()) : r;
    }

    /** The classes the run was trained on are the ones loaded now (also for runs without a data fingerprint). */
    private static void requireSameClasses(Path runDir, RunRecord rec, Experiment exp) {
        if (rec.info() != null && rec.info().targetClasses() != null
                && !rec.info().targetClasses().equals(exp.dataset().classNames())) {
            throw UserInputException.forFile(Path.of(rec.config().data().target()), "has the classes "
                    + exp.dataset().classNames() + " now, but run " + runDir + " was trained on "
                    + rec.info().targetClasses(), "put the target data back as it was, or start a new run with train");
        }
    }

    /**
     * A vision-language run continues with the prompts it started with: those config.json gives now
     * (its class names, templates or descriptions file) must be the ones its prompts.json saved.
     */
    private static void requireSamePrompts(Path runDir, Experiment exp) {
        if (exp.source() instanceof PromptClassifier now && RunPromptsFile.exists(runDir)) {
            Path file = runDir.resolve(RunFiles.PROMPTS);
            PromptSet saved = RunPromptsFile.read(file, "start a new run with train").prompts();
            if (!saved.equals(now.prompts())) {
                throw UserInputException.forFile(file, "holds other prompts than the run's config.json gives now ("
                        + saved.size() + " saved, " + now.prompts().size() + " now" + firstDifference(saved, now.prompts())
                        + ")", "put the descriptions file (or the class names) back as they were when the run started,"
                        + " or start a new run with train");
            }
        }
    }

    private static String firstDifference(PromptSet a, PromptSet b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.prompts().get(i).equals(b.prompts().get(i))) {
                return "; prompt " + (i + 1) + " was '" + a.prompts().get(i).label() + "', now '"
                        + b.prompts().get(i).label() + "'";
            }
        }
        return "";
    }

    public static TrainingResult run(RunSpec config, TargetDataset dataset, RunDir runDir, TrainingListener listener,
            TrainingControl control, long snapshotIntervalMillis) throws IOException {
        try (Experiment exp = dataset == null ? Experiment.open(config) : Experiment.open(config, dataset)) {
            RunFolderAccess.Guard recorder = record(runDir, dir -> {
                TargetFingerprint.write(dir, Path.of(config.data().target()));
                RunRecorder r = new RunRecorder(dir, config);
                RunPromptsFile.writeFor(dir, exp.source());
                return r;
            });
            try (recorder) {
                Trainer trainer = Trainer.forConfig(config, snapshotIntervalMillis);
                TrainingResult result = trainer.train(exp, TrainingListeners.of(recorder, listener), control);
                recorder.throwIfFailed();
                return result;
            }
        }
    }

    /**
     * Claims run folder DIR for this run ({@link RunFolderLock}), creating it when CREATE is set; the
     * lock file's I/O problems are write failures naming the folder.
     */
    public static RunFolderLock claim(Path dir, boolean create) {
        try {
            return RunFolderLock.claim(dir, create);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw RunFolderAccess.writeFailure(dir, e);
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
        RunFolderLock lock = null;
        try {
            dir = runDir.create();
            lock = claim(dir, true);
            return RunFolderAccess.guard(dir, recorder.create(dir), lock);
        } catch (IOException | java.io.UncheckedIOException e) {
            closeQuietly(lock);
            throw RunFolderAccess.writeFailure(dir, e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    private static void closeQuietly(RunFolderLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // the lock goes with the channel anyway
            }
        }
    }
}
