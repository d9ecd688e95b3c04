package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.ComputeThreads;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code resume RUN_DIR}: continues an interrupted or crashed run from its last epoch checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted or crashed run from the checkpoint of its last finished epoch.")
public final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "the run folder (written by train, demo or the workbench)")
    Path runDir;

    @Mixin
    ResourceOptions resources;

    @Override
    public Integer call() throws Exception {
        resources.apply();
        RunRecord rec = RunStore.load(runDir, false);
        RunSpec config = rec.config();
        useRecordedThreads(rec);
        ConsoleProgress console = new ConsoleProgress(System.out, config.optimization().epochs(), config.trainer().blackBox());
        return TrainCommand.withSignals(control -> {
            TrainingResult r = RunLauncher.resume(runDir, null, console, control, 0);
            TrainCommand.printResult(r, runDir);
            return r.completed() ? 0 : 1;
        });
    }

    /**
     * Without --threads, the thread count REC recorded on the CPU ("cpu, 2 threads"): float sums are
     * split by thread, so the resumed epochs then compute what the uninterrupted run would have.
     * Nothing changes for a GPU run, a run that did not record it, or one above this machine's limit.
     */
    private void useRecordedThreads(RunRecord rec) {
        String recorded = RunParameter.THREADS.valueOf(rec);
        if (resources.threads != 0 || !recorded.matches("\\d{1,6}")) {
            return;
        }
        int n = Integer.parseInt(recorded);
        if (n >= 1 && n <= ComputeThreads.max()) {
            ComputeThreads.set(n);
            System.out.println("threads: " + n + " (as the run recorded; --threads overrides)");
        }
    }
}
