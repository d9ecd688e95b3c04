package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.study.ConfigurationKey;
import org.reprogram.workbench.core.study.HalvingSchedule;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.TrialRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code study status STUDY_DIR}: the study's progress, read from its folder alone. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a study's progress from its folder (works while it runs, after it was killed, or when done).")
public final class StudyStatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY_DIR", description = "the folder of a 'study run'")
    Path dir;

    @Override
    public Integer call() {
        StudyFolder folder = StudyFolder.open(dir);
        List<TrialRecord> states = folder.trialStates();
        HalvingSchedule schedule = HalvingSchedule.of(folder.spec());
        HalvingSchedule.Plan plan = schedule.plan(states, folder.spec().metric());
        System.out.println(StudyExecution.plan(folder.spec()));
        System.out.println(counts(states, plan, dir));
        for (HalvingSchedule.Rung r : plan.rungs()) {
            if (schedule.halves()) {
                System.out.println("rung " + (r.index() + 1) + " (" + r.epochs() + " epochs): " + r.in().size()
                        + " configurations" + (r.promoted() == null ? ", in progress"
                        : r.promoted().isEmpty() ? "" : ", " + r.promoted().size() + " promoted"));
            }
        }
        List<ConfigurationKey> keys = states.stream().map(s -> s.trial().configurationKey()).distinct().toList();
        System.out.printf(Locale.ROOT, "%-12s %5s %-28s %6s %7s %7s  %s%n", "TRIAL", "SEED", "STATUS", "EPOCHS",
                "VAL", "TEST", "CONFIGURATION");
        for (TrialRecord s : states) {
            String status = plan.halted().contains(s.trial().configurationKey()) ? "halted (rung " + s.epochsDone()
                    + " ep)" : s.paused() ? "paused at a rung" : s.status();
            double val = s.run() != null && s.run().result() != null ? s.run().result().bestValAccuracy() : Double.NaN;
            double test = s.completed() ? s.run().result().testAccuracyAtBestVal() : Double.NaN;
            System.out.printf(Locale.ROOT, "%-12s %5d %-28s %3d/%-2d %7s %7s  %s%n", s.trial().id(), s.trial().seed(),
                    status, s.epochsDone(), s.epochs(), num(val), num(test), s.trial().configurationKey().labelAmong(keys));
        }
        return 0;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }

    /** "45 trials: 12 completed, 3 paused at a rung, 6 halted, 24 not started". */
    static String counts(List<TrialRecord> states, HalvingSchedule.Plan plan, Path dir) {
        Map<String, Integer> by = new TreeMap<>();
        for (TrialRecord s : states) {
            String k = plan.halted().contains(s.trial().configurationKey()) ? "halted by successive halving"
                    : s.paused() ? "paused at a rung" : s.status();
            by.merge(k, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        by.forEach((k, n) -> parts.add(n + " " + k));
        return states.size() + " trials: " + String.join(", ", parts) + (plan.done() ? "; the study is done"
                : "; unless a driver is running it, continue with: study resume " + dir);
    }
}
