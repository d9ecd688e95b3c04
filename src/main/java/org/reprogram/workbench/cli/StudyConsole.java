package org.reprogram.workbench.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.reprogram.workbench.core.study.HalvingSchedule;
import org.reprogram.workbench.core.study.StudyListener;
import org.reprogram.workbench.core.study.TrialRecord;

/** A running study on the console: the driver's news, and a progress line whenever the counts change. */
final class StudyConsole implements StudyListener {

    private final PrintStream out;
    private final long start = System.nanoTime();
    private String last = "";

    StudyConsole(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onMessage(String line) {
        out.println(stamp() + line);
    }

    /** "[  12.3 s] ": seconds since the study started, so that a log tells start-up from work. */
    private String stamp() {
        return String.format(java.util.Locale.ROOT, "[%6.1f s] ", (System.nanoTime() - start) / 1e9);
    }

    @Override
    public synchronized void onState(List<TrialRecord> trials, HalvingSchedule.Plan plan, Set<String> submitted) {
        long ended = trials.stream().filter(t -> t.ended() || plan.halted().contains(t.trial().configurationKey())).count();
        String line = "progress: " + StudyExecution.counts(trials, ended) + ", " + submitted.size() + " in flight"
                + (plan.rungs().size() > 1 || !plan.halted().isEmpty() ? ", rung " + (plan.currentRung() + 1) : "");
        if (!line.equals(last)) {
            out.println(stamp() + line);
            last = line;
        }
    }
}
