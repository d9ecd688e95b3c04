package org.reprogram.workbench.core.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.SourceFiles;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.Checkpoint;
import org.reprogram.workbench.core.train.Evaluator;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunPrompts;
import org.reprogram.workbench.core.train.TrainingCheckpoint;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * A reprogrammed classifier at rest: what a {@link Predictor} is built from, read from a run
 * folder ({@link #fromRunDir}) or from an exported bundle ({@link BundleReader}). Holds the run's
 * configuration, the class names, one learned state (program values and mapping state, as
 * {@code checkpoint.bin} keeps them) and where the source model's files are.
 *
 * @param name the run's folder name
 * @param origin the run folder or the bundle file it was read from
 * @param config the run's configuration (program, mapping, frame, inner size, seed, ...)
 * @param sourceClasses the source model's class names as the run recorded them
 * @param targetClasses the target class names
 * @param state the learned program and mapping values
 * @param choice which state this is
 * @param testAccuracy the run's recorded test accuracy for this state (NaN when unknown: the run
 *     did not finish)
 * @param evalBatchSize the batch size the run evaluated with (same batches, same arithmetic)
 * @param source the source model's files
 * @param notices what the user should know (an unfinished run, a fallback to the final state)
 */
public record TrainedRun(String name, Path origin, RunSpec config, List<String> sourceClasses,
        List<String> targetClasses, Checkpoint state, StateChoice choice, double testAccuracy, int evalBatchSize,
        SourceFiles source, List<String> notices) {

    /**
     * Reads run folder DIR with state CHOICE (null: the best-validation state when the run has one,
     * else the final one). A folder that is not a run, a baseline run, a run without a finished
     * epoch and a missing source model are {@link UserInputException}s naming the fix.
     */
    /**
     * The prompts a vision-language source is read through, as training built them from the config
     * ({@link RunPrompts}); null for a classifier's run.
     */
    public org.reprogram.workbench.core.model.PromptSet prompts() {
        return source.card().isVisionLanguage() ? RunPrompts.of(config, targetClasses) : null;
    }

    public static TrainedRun fromRunDir(Path dir, StateChoice choice) {
        return fromRecord(readRecord(dir), choice);
    }

    /** Run folder DIR's record (without history); a folder that is not a run is a {@link UserInputException}. */
    static RunRecord readRecord(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, Files.exists(dir) ? "is not a run folder or a bundle (.zip)"
                    : "not found", "give a run folder written by train/demo/the workbench, or a bundle from export");
        }
        if (!Files.isRegularFile(dir.resolve(RunFiles.CONFIG))) {
            throw UserInputException.forFile(dir, "is not a run folder (no " + RunFiles.CONFIG + ")",
                    "give a run folder written by train/demo/the workbench, or a bundle from export");
        }
        return RunStore.load(dir, false);
    }

    /** {@link #fromRunDir} for a record already read with {@link #readRecord}. */
    static TrainedRun fromRecord(RunRecord rec, StateChoice choice) {
        Path dir = rec.dir();
        if (rec.isBaseline()) {
            throw UserInputException.forFile(dir, "is a " + rec.method() + " baseline run; predict and export work"
                    + " with reprogramming runs (a learned program and label mapping)", "choose a run trained with"
                    + " train, demo or the workbench");
        }
        if (rec.info() == null || !CheckpointFile.exists(dir)) {
            throw UserInputException.forFile(dir, "has no finished state (no epoch ended, so there is no "
                    + CheckpointFile.NAME + ")", "resume the run (resume " + dir + ") or train it again until at"
                    + " least one epoch has finished");
        }
        TrainingCheckpoint cp = CheckpointFile.read(dir);
        TrainingResult result = rec.result();
        List<String> notices = new ArrayList<>();
        if (rec.isTraining()) {
            notices.add(dir + " is still training: using its state after epoch " + cp.epoch());
        } else if (result == null) {
            notices.add(dir + " did not finish (" + rec.status() + " after epoch " + cp.epoch() + " of "
                    + rec.config().optimization().epochs() + "): using the state it reached");
        }
        StateChoice chosen = choice == null ? (cp.best() != null ? StateChoice.BEST : StateChoice.FINAL) : choice;
        if (chosen == StateChoice.BEST && cp.best() == null) {
            notices.add(dir + " has no best-validation state (no validation images): using the final state");
            chosen = StateChoice.FINAL;
        }
        Checkpoint state = chosen == StateChoice.BEST ? cp.best() : cp.current();
        double recorded = Double.NaN;
        if (result != null && result.epochs() == cp.epoch()) {
            recorded = chosen == StateChoice.BEST ? (result.bestEpoch() == state.epoch()
                    ? result.testAccuracyAtBestVal() : Double.NaN) : result.testAccuracy();
        }
        RunSpec config = rec.config();
        SourceFiles source = SourceFiles.resolve(config.source(), "run " + dir);
        int canvas = rec.info().placement().canvasSize();
        int batch = Math.min(config.optimization().batchSize(), Math.max(1, rec.info().trainSize()));
        return new TrainedRun(rec.name(), dir, config, List.copyOf(rec.info().sourceClasses()),
                List.copyOf(rec.info().targetClasses()), state, chosen, recorded,
                Evaluator.batchSizeFor(batch, canvas), source, List.copyOf(notices));
    }

    /** "best state (epoch 7)" or "final state (epoch 10)". */
    public String describeState() {
        return String.format(Locale.ROOT, "%s state (epoch %d)", choice.id(), state.epoch());
    }

    /** This run with its source model's files at SOURCE (a bundle's unpacked copy). */
    TrainedRun withSource(SourceFiles newSource) {
        return new TrainedRun(name, origin, config, sourceClasses, targetClasses, state, choice, testAccuracy,
                evalBatchSize, newSource, notices);
    }
}
