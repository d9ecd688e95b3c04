package org.reprogram.workbench.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reprogram.workbench.core.run.RunFolderLock;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.HalvingSchedule;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudyResultsReader;
import org.reprogram.workbench.core.study.StudyRunner;
import org.reprogram.workbench.core.study.StudySpec;
import org.reprogram.workbench.core.study.TrialBackend;
import org.reprogram.workbench.core.study.spark.SparkBackend;

/** Runs a study from the command line (run and resume): the backend, the console, signals, then the report. */
final class StudyExecution {

    private StudyExecution() {}

    /** Runs the study in FOLDER on CHOICE's backend; 0 when it finished, 130 when stopped by a signal. */
    static int run(StudyFolder folder, BackendChoice choice) throws Exception {
        PrintStream out = System.out;
        try (RunFolderLock lock = folder.claim()) { // before anything is written; the runner claims again (reentrant)
            choice.write(folder.dir());
            StudyRunner.requireRunnable(folder);
            out.println(plan(folder.spec()));
            long start = System.nanoTime();
            StudyRunner.Ending ending;
            try (TrialBackend backend = SparkBackend.open(choice, folder.spec().name())) {
                StudyRunner runner = new StudyRunner(folder, backend, new StudyConsole(out));
                ending = withSignals(runner);
            }
            out.printf(Locale.ROOT, "study %s after %.1f s%n", ending == StudyRunner.Ending.DONE ? "done" : "stopped",
                    (System.nanoTime() - start) / 1e9);
            if (ending != StudyRunner.Ending.DONE) {
                System.err.println("the study stopped; trials that came back are kept. Continue with: java -jar"
                        + " target/reprogram-workbench.jar study resume " + folder.dir());
                return 130;
            }
        }
        StudyResults results = StudyResultsReader.read(folder);
        StudyReportCommand.write(results, out);
        return 0;
    }

    /** What the study will run, in one paragraph. */
    static String plan(StudySpec spec) {
        long trials = spec.trials().size();
        long baselines = spec.trials().stream().filter(t -> t.isBaseline()).count();
        HalvingSchedule h = HalvingSchedule.of(spec);
        StringBuilder s = new StringBuilder();
        s.append("study ").append(spec.name().isEmpty() ? "(unnamed)" : spec.name()).append(": ").append(trials)
                .append(trials == 1 ? " trial" : " trials").append(" (").append(trials - baselines)
                .append(" reprogramming, ").append(baselines).append(" baseline; ").append(spec.seeds().size())
                .append(spec.seeds().size() == 1 ? " seed" : " seeds").append(")");
        if (h.halves()) {
            s.append("; successive halving at epochs ").append(h.rungs()).append(", the best 1/").append(h.eta())
                    .append(" by ").append(spec.metric().name()).append(" go on");
        }
        return s.toString();
    }

    /** Runs RUNNER so that Ctrl-C or SIGTERM stops the study cleanly (trials in flight are dropped; resume reruns them). */
    private static StudyRunner.Ending withSignals(StudyRunner runner) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.cancel();
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-study");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runner.run();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now
            }
        }
    }

    /** "12 of 45 trials done" and the like, for status lines. */
    static String counts(List<?> all, long done) {
        return done + " of " + all.size() + " trials done";
    }
}
