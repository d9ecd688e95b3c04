package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.ResourceSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code resume RUN_DIR}: continues an interrupted or crashed run from its last epoch checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true, modelTransformer = ResourceOptions.Both.class,
        description = "Continue an interrupted or crashed run from the checkpoint of its last finished epoch.")
public final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "the run folder (written by train, demo or the workbench)")
    Path runDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSpec given = ResourceOptions.read(spec, RunSpec.defaults("")); // a bad value: an error before anything loads
        RunRecord rec = RunStore.load(runDir, false);
        RunSpec config = rec.config();
        ResourceSpec resources = resources(rec, given);
        ConsoleProgress console = new ConsoleProgress(System.out, config.optimization().epochs(), config.trainer().blackBox());
        return TrainCommand.withSignals(control -> {
            TrainingResult r = RunLauncher.resume(runDir, null, resources, console, control, 0);
            TrainCommand.printResult(r, runDir);
            return r.completed() ? 0 : 1;
        });
    }

    /**
     * The resources REC's run recorded ({@link RunLauncher#recordedResources}: its thread count, so the
     * resumed epochs compute what the uninterrupted run would have), with --threads and --data-memory
     * where given (from GIVEN).
     */
    private ResourceSpec resources(RunRecord rec, RunSpec given) {
        ResourceSpec recorded = RunLauncher.recordedResources(rec);
        boolean threads = ResourceOptions.threadsGiven(spec);
        boolean memory = SpecOptions.given(spec, Settings.DATA_MEMORY);
        if (!threads && recorded.threads() != 0) {
            System.out.println("threads: " + recorded.threads() + " (as the run recorded; --threads overrides)");
        }
        return new ResourceSpec(recorded.device(), threads ? given.resources().threads() : recorded.threads(),
                memory ? given.resources().dataMemoryBytes() : recorded.dataMemoryBytes());
    }
}
