package org.reprogram.workbench.core.study;

import java.util.List;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.train.EpochMetrics;

/**
 * A trial as its study folder has it: not started, paused at a rung (an "interrupted" run with a
 * checkpoint, fewer epochs done than it asks for), or ended (completed, failed, ...).
 *
 * @param trial the trial
 * @param status "not started", "failed", or the run's status ("completed", "interrupted", ...)
 * @param epochsDone epochs its run folder has finished
 * @param run its run folder read back (null when it has none)
 * @param message why it failed, or null
 */
public record TrialRecord(Trial trial, String status, int epochsDone, RunRecord run, String message) {

    /** The status of a trial with no run folder yet. */
    public static final String NOT_STARTED = "not started";

    static TrialRecord notStarted(Trial trial) {
        return new TrialRecord(trial, NOT_STARTED, 0, null, null);
    }

    static TrialRecord failed(Trial trial, String why) {
        return new TrialRecord(trial, "failed", 0, null, why);
    }

    static TrialRecord of(Trial trial, RunRecord rec) {
        if (!rec.readable()) {
            return new TrialRecord(trial, "unreadable", 0, rec, rec.problem());
        }
        int done = rec.result() != null ? rec.result().epochs() : rec.metrics().size();
        String message = rec.result() != null ? rec.result().message() : null;
        return new TrialRecord(trial, rec.status(), done, rec, message);
    }

    /** The epochs the trial's run asks for. */
    public int epochs() {
        return trial.spec().optimization().epochs();
    }

    /** True when nothing more will happen to it: completed, or ended otherwise than paused. */
    public boolean ended() {
        return !NOT_STARTED.equals(status) && !paused();
    }

    /** True for a run paused with its checkpoint (at a rung, or by a killed executor's last copy). */
    public boolean paused() {
        return run != null && run.isResumable() && epochsDone < epochs();
    }

    /** True for a trial that ran to its end. */
    public boolean completed() {
        return "completed".equals(status);
    }

    /**
     * The study's METRIC over the epochs up to EPOCH: the best validation accuracy (maximize) or the
     * lowest validation loss (minimize); NaN when no such epoch has it.
     */
    public double metricUpTo(int epoch, Metric metric) {
        if (run == null) {
            return Double.NaN;
        }
        double best = Double.NaN;
        List<EpochMetrics> ms = run.metrics();
        for (EpochMetrics m : ms) {
            if (m.epoch() > epoch) {
                continue;
            }
            double v = "val_loss".equals(metric.name()) ? m.valLoss() : m.valAccuracy();
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(best) || (metric.maximize() ? v > best : v < best)) {
                best = v;
            }
        }
        if (Double.isNaN(best) && run.result() != null && epoch >= epochsDone && !"val_loss".equals(metric.name())) {
            best = run.result().bestValAccuracy(); // a baseline without per-epoch metrics
        }
        return best;
    }
}
