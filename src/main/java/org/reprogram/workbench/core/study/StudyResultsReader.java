package org.reprogram.workbench.core.study;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a study's results from its folder alone: every trial's outcome, the statistics over the
 * ones that count, and the epoch budget. A configuration halted by successive halving has its
 * trials left out of the leaderboard with that reason (their numbers are from fewer epochs, so
 * they are not comparable with the finished ones).
 */
public final class StudyResultsReader {

    private StudyResultsReader() {}

    /** The results of FOLDER as it is now (a study still running gives its results so far). */
    public static StudyResults read(StudyFolder folder) {
        return read(folder, folder.trialStates());
    }

    /** The results of FOLDER given its trials' STATES as just read ({@link StudyFolder#trialStates()}). */
    public static StudyResults read(StudyFolder folder, List<TrialRecord> states) {
        StudySpec spec = folder.spec();
        HalvingSchedule schedule = HalvingSchedule.of(spec);
        HalvingSchedule.Plan plan = schedule.plan(states, spec.metric());
        List<TrialOutcome> outcomes = new ArrayList<>();
        long spent = 0;
        long full = 0;
        for (TrialRecord s : states) {
            Trial t = s.trial();
            spent += s.epochsDone();
            full += t.isBaseline() ? s.epochsDone() : s.epochs();
            outcomes.add(outcome(s, plan.halted().contains(t.configurationKey())));
        }
        List<EpochBudget.Rung> rungs = new ArrayList<>();
        if (schedule.halves()) {
            for (HalvingSchedule.Rung r : plan.rungs()) {
                rungs.add(new EpochBudget.Rung(r.epochs(), r.in().size(), r.promoted() == null ? 0 : r.promoted().size()));
            }
        }
        return new StudyResults(folder.dir(), spec, folder.trials(), outcomes, StudyStatistics.of(outcomes),
                new EpochBudget(spent, full, rungs));
    }

    /** S's outcome; HALTED: its configuration was not promoted. */
    private static TrialOutcome outcome(TrialRecord s, boolean halted) {
        Trial t = s.trial();
        if (s.run() != null && s.run().readable() && s.run().config() != null) {
            TrialOutcome o = TrialOutcome.fromRun(s.run());
            o = new TrialOutcome(t.id(), t.configurationKey(), null, o.seed(), o.bestValAccuracy(),
                    o.testAccuracyAtBestVal(), o.trainableParameters(), o.wallSeconds(), o.queries(),
                    halted ? "halted by successive halving" : s.paused() ? "paused at a rung" : o.status());
            return o;
        }
        return new TrialOutcome(t.id(), t.configurationKey(), null, t.seed(), Double.NaN, Double.NaN, 0, Double.NaN, 0,
                s.status());
    }
}
