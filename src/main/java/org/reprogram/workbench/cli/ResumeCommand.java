package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resume RUN_DIR}: continues an interrupted or crashed run from its last epoch checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted or crashed run from the checkpoint of its last finished epoch.")
public final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "the run folder (written by train, demo or the workbench)")
    Path runDir;

    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;

    @Mixin
    ResourceOptions resources;

    @Override
    public Integer call() throws Exception {
        resources.apply();
        TrainConfig config = RunStore.load(runDir, false).config();
        ConsoleProgress console = new ConsoleProgress(System.out, config.epochs(), "blackbox".equals(config.trainer()));
        return TrainCommand.withSignals(control -> {
            TrainingResult r = RunLauncher.resume(runDir, null, console, control, 0);
            TrainCommand.printResult(r, runDir);
            return r.completed() ? 0 : 1;
        });
    }
}
