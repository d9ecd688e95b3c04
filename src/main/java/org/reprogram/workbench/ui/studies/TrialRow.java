package org.reprogram.workbench.ui.studies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.study.ConfigurationKey;
import org.reprogram.workbench.core.study.HalvingSchedule;
import org.reprogram.workbench.core.study.Metric;
import org.reprogram.workbench.core.study.TrialRecord;
import org.reprogram.workbench.core.train.EpochMetrics;

/**
 * One row of the live trials table.
 *
 * @param id the trial's id (its run folder's name)
 * @param configuration the configuration's short name among the study's ({@link ConfigurationKey#labelAmong})
 * @param seed the seed
 * @param state not started, in flight, paused at rung, halted, completed, failed (or the run's status)
 * @param rung "2 / 3" for a study with successive halving, "" without
 * @param epoch "3 / 5": epochs done (live in local mode) of those the trial asks for
 * @param validation best validation accuracy so far ("" when none yet)
 * @param run the trial's run folder read back (null when it has none yet)
 */
public record TrialRow(String id, String configuration, long seed, String state, String rung, String epoch,
        String validation, RunRecord run) {

    public static final String NOT_STARTED = "not started";
    public static final String IN_FLIGHT = "in flight";
    public static final String PAUSED = "paused at rung";
    public static final String HALTED = "halted";
    public static final String COMPLETED = "completed";

    /** True when the row's run can be opened (it has a readable folder and nothing trains it). */
    public boolean openable() {
        return run != null && run.readable() && !IN_FLIGHT.equals(state);
    }

    /**
     * The rows of a study's state: TRIALS as the folder has them, the halving PLAN, the trials
     * SUBMITTED and not back, the newest LIVE epoch of trials in flight, the schedule's RUNGS (epochs
     * at each rung; one entry without halving).
     */
    static List<TrialRow> of(List<TrialRecord> trials, HalvingSchedule.Plan plan, Set<String> submitted,
            Map<String, EpochMetrics> live, List<Integer> rungs) {
        Set<ConfigurationKey> keys = new LinkedHashSet<>();
        trials.forEach(t -> keys.add(t.trial().configurationKey()));
        List<TrialRow> out = new ArrayList<>();
        for (TrialRecord t : trials) {
            boolean flying = submitted.contains(t.trial().id());
            EpochMetrics m = flying ? live.get(t.trial().id()) : null;
            int done = m != null ? Math.max(m.epoch(), t.epochsDone()) : t.epochsDone();
            double val = t.metricUpTo(t.epochsDone(), Metric.DEFAULT);
            if (m != null && !Double.isNaN(m.valAccuracy()) && (Double.isNaN(val) || m.valAccuracy() > val)) {
                val = m.valAccuracy();
            }
            out.add(new TrialRow(t.trial().id(), t.trial().configurationKey().labelAmong(keys), t.trial().seed(),
                    state(t, plan, flying), rung(t, done, flying, rungs), done + " / " + t.epochs(),
                    Double.isNaN(val) ? "" : String.format(Locale.ROOT, "%.3f", val), t.run()));
        }
        return out;
    }

    private static String state(TrialRecord t, HalvingSchedule.Plan plan, boolean flying) {
        if (flying) {
            return IN_FLIGHT;
        }
        if (plan != null && plan.halted().contains(t.trial().configurationKey()) && !t.completed()) {
            return HALTED;
        }
        if (t.paused()) {
            return PAUSED;
        }
        return t.status();
    }

    /** "k / R": the rung the trial works toward (in flight) or last reached; "" without halving or for a baseline. */
    private static String rung(TrialRecord t, int done, boolean flying, List<Integer> rungs) {
        if (rungs.size() < 2 || t.trial().isBaseline() || (done == 0 && !flying)) {
            return "";
        }
        int k = 0;
        for (int i = 0; i < rungs.size(); i++) {
            if (flying ? rungs.get(i) > done || i == rungs.size() - 1 : rungs.get(i) <= done) {
                k = i;
                if (flying) {
                    break;
                }
            }
        }
        return (k + 1) + " / " + rungs.size();
    }
}
