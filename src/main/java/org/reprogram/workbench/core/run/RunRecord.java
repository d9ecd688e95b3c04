package org.reprogram.workbench.core.run;

import org.reprogram.workbench.core.program.FrameSettings;
import java.nio.file.Path;
import java.util.List;
import org.reprogram.workbench.core.baseline.BaselineTrainer;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * A saved run as read back from its folder.
 *
 * @param dir the run folder
 * @param config its configuration; for a baseline run the
 *     {@link RunSpec#asTrainConfigView() reprogramming view} of {@code baseline} (same source,
 *     target, splits and seed), so code that knows only reprogramming runs keeps working

 * @param info what it worked with (null if it never started)
 * @param result the outcome (null while running or after a crash)
 * @param metrics one row per finished epoch
 * @param history epoch-end snapshots (epoch 0 = initial), without sample images (none for baselines)
 * @param problem why the folder could not be read as a run (then config, info and result are
 *     null), null for a readable run
 * @param notes the user's name and note ({@link RunNotes#NONE} when none)
 */
public record RunRecord(
        Path dir, RunSpec config, RunInfo info, TrainingResult result, List<EpochMetrics> metrics,
        List<TrainingSnapshot> history, String problem, RunNotes notes) {

    public RunRecord {
        notes = notes == null ? RunNotes.NONE : notes;
    }

    /** A readable run, reprogramming or baseline, with the user's notes. */
    public RunRecord(Path dir, RunSpec config, RunInfo info, TrainingResult result, List<EpochMetrics> metrics,
            List<TrainingSnapshot> history, RunNotes notes) {
        this(dir, config, info, result, metrics, history, null, notes);
    }

    /** A readable run, reprogramming or baseline. */
    public RunRecord(Path dir, RunSpec config, RunInfo info, TrainingResult result, List<EpochMetrics> metrics,
            List<TrainingSnapshot> history) {
        this(dir, config, info, result, metrics, history, null, RunNotes.NONE);
    }

    /**
     * A folder in the runs folder that is not a readable run (foreign or damaged config.json, ...):
     * listed with PROBLEM so that it hides no other run.
     */
    public static RunRecord unreadable(Path dir, String problem) {
        return new RunRecord(dir, null, null, null, List.of(), List.of(),
                problem == null || problem.isBlank() ? "cannot be read" : problem, RunNotes.NONE);
    }

    /** False for a folder that could not be read (see {@link #problem()}). */
    public boolean readable() {
        return problem == null;
    }

    /** "reprogram", or the baseline's id ("linear-probe", "finetune", "scratch"). */
    public String method() {
        if (problem != null) {
            return "-";
        }
        return config == null ? TrainingResult.METHOD_REPROGRAM : config.method().id();
    }

    public boolean isBaseline() {
        return config != null && config.isBaseline();
    }

    /** The input program's id, "-" for a baseline or an unreadable folder. */
    public String program() {
        return isBaseline() || config == null ? "-" : config.program().id();
    }

    /** The label mapping's id; for a baseline what its result names ("linear-head", "linear-on-logits") or "-". */
    public String mapping() {
        if (isBaseline() || config == null) {
            return result != null && result.mapping() != null ? result.mapping() : "-";
        }
        return config.mapping().id();
    }

    /** "whitebox", "blackbox", or "baseline"; "-" when unknown. */
    public String trainer() {
        return isBaseline() ? BaselineTrainer.TRAINER : config == null ? "-" : config.trainer().kind().id();
    }

    /** The frame activation of programs that have a frame (pad, scale), else "-". */
    public String frame() {
        return config == null ? "-" : ParameterRegistry.get(FrameSettings.FRAME.id()).format(config);
    }

    /** The folder name. */
    public String name() {
        return dir.getFileName().toString();
    }

    /** The name the user gave the run ({@link RunNotes}), else the folder name. */
    public String displayName() {
        return notes.name().isEmpty() ? name() : notes.name();
    }

    /**
     * The zero-shot test accuracy of the run's vision-language source on its target, the figure the run
     * is measured against, as it recorded it ({@link org.reprogram.workbench.core.train.ZeroShot#recorded}:
     * info.json's at the start, else result.json's); NaN for a classifier's run and for a run that recorded none.
     */
    public double zeroShotAccuracy() {
        org.reprogram.workbench.core.train.ZeroShot z = org.reprogram.workbench.core.train.ZeroShot.recorded(info,
                result);
        return z == null ? Double.NaN : z.testAccuracy();
    }

    /**
     * "completed", "stopped", "cancelled", "interrupted", "failed"; "unreadable" (see
     * {@link #problem()}); without result.json "running" (a live process trains into it),
     * "interrupted" (killed, resumable from its checkpoint) or "incomplete" (killed before its
     * first epoch ended).
     */
    public String status() {
        if (problem != null) {
            return "unreadable";
        }
        if (result != null) {
            return result.status() == null ? "unreadable" : result.status().id();
        }
        if (isTraining()) {
            return "running";
        }
        return CheckpointFile.exists(dir) ? "interrupted" : "incomplete";
    }

    /**
     * True while a live process trains into this folder: its RUNNING marker names a live process
     * that started when the marker says (a reused process id of another program does not count).
     */
    public boolean isTraining() {
        return result == null && RunningMarker.names(dir);
    }

    /** A reprogramming run that stopped early with a checkpoint: {@code resume} can continue it. */
    public boolean isResumable() {
        return problem == null && !isBaseline() && !isTraining() && CheckpointFile.exists(dir)
                && (result == null || !result.completed());
    }
}
