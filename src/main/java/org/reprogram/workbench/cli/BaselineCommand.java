package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.baseline.BaselinePlan;
import org.reprogram.workbench.core.run.Baselines;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baseline}: linear probe, fine-tuning or training from scratch, written to a run folder. */
@Command(name = "baseline", mixinStandardHelpOptions = true, modelTransformer = BaselineCommand.Options.class,
        sortOptions = false,
        description = "Train a baseline on the same source model, target data, splits and seed as reprogramming:"
                + " linear-probe (new head on frozen features), finetune (all weights + new head) or scratch (same"
                + " architecture, fresh weights). Saves a run folder that 'compare' reads.")
public final class BaselineCommand implements Callable<Integer> {

    /** The settings of the baselines as options, from the parameter registry ({@link SpecOptions}). */
    public static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return SpecOptions.add(command, List.of(Method.FINETUNE, Method.SCRATCH, Method.LINEAR_PROBE), s -> false);
        }
    }

    @Option(names = "--kind", required = true, description = "linear-probe, finetune or scratch")
    String kind;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "run folder to create (default: a new folder under ~/reprogram-workbench/runs)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Method k = Method.parseBaseline(kind);
        List<String> notes = new ArrayList<>();
        RunSpec config = SpecOptions.read(spec, k, notes);
        try (org.reprogram.workbench.core.run.RunFolderLock claim = TrainCommand.claimOut(out)) {
            return run(config, k, notes);
        }
    }

    private int run(RunSpec config, Method k, List<String> notes) throws Exception {
        Path[] dir = {out};
        System.out.println(BaselinePlan.announcement(config));
        notes.forEach(System.out::println); // e.g. --lr for linear-probe: full-batch L-BFGS needs no learning rate
        TrainingResult r = Baselines.run(config, () -> {
            if (dir[0] == null) {
                dir[0] = new RunStore(AppPaths.defaultRunsDir()).newRunDir(config);
            }
            return dir[0];
        }, new ConsoleProgress(System.out, config.optimization().epochs(), false,
                k == Method.LINEAR_PROBE ? "frozen weights" : k == Method.FINETUNE
                        ? "weights, all trained" : "weights, re-initialised and trained"), new TrainingControl());
        printResult(r, dir[0]);
        return r.completed() ? 0 : 1;
    }

    static void printResult(TrainingResult r, Path dir) {
        if (!r.completed()) {
            System.err.println("error: run " + r.status() + ": " + r.message());
        }
        if (r.method().equals(Method.LINEAR_PROBE.id()) && r.message() != null && r.completed()) {
            System.out.println(r.message()); // iterations used, final training loss
        }
        System.out.printf(Locale.ROOT, "%s: test accuracy %.4f (at best validation epoch %d: %.4f)  trainable %,d"
                        + "  source %,d  wall %.1fs  %.0f img/s  peak RSS %.0f MB%n", r.status(), r.testAccuracy(),
                r.bestEpoch(), r.testAccuracyAtBestVal(), r.trainableParameters(), r.sourceParameters(),
                r.wallSeconds(), r.imagesPerSecond(), r.peakRssMegabytes());
        System.out.println("run saved to " + dir.toAbsolutePath() + " (" + RunFiles.RESULT + ", " + RunFiles.METRICS
                + ", " + RunFiles.CONFIG + ", " + RunFiles.INFO + ")");
    }
}
