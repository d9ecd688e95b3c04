package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.baseline.BaselineConfig;
import org.reprogram.workbench.core.baseline.BaselineKind;
import org.reprogram.workbench.core.baseline.BaselinePlan;
import org.reprogram.workbench.core.run.Baselines;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code baseline}: linear probe, fine-tuning or training from scratch, written to a run folder. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Train a baseline on the same source model, target data, splits and seed as reprogramming:"
                + " linear-probe (new head on frozen features), finetune (all weights + new head) or scratch (same"
                + " architecture, fresh weights). Saves a run folder that 'compare' reads.")
public final class BaselineCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, description = "linear-probe, finetune or scratch")
    String kind;

    @Option(names = "--source", defaultValue = "builtin",
            description = "builtin, builtin:NAME or a TorchScript FILE.pt with FILE.pt.json; linear-probe on a .pt"
                    + " needs \"featuresMethod\" in the sidecar (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--target", required = true, description = "target dataset folder (ImageFolder or IDX); sample-data/digits is the shipped sample")
    String target;

    @Option(names = "--epochs", description = "finetune and scratch: epochs (default " + BaselineConfig.DEFAULT_EPOCHS
            + "); linear-probe: the most L-BFGS iterations (default " + BaselineConfig.LINEAR_PROBE_MAX_ITERATIONS
            + "; it stops once the training loss stops falling)")
    Integer epochs;

    @Option(names = "--lr", description = "finetune and scratch: Adam learning rate, constant (default "
            + BaselineConfig.FINETUNE_LR + "); linear-probe uses full-batch L-BFGS and no learning rate")
    Double lr;

    @Option(names = "--batch-size", defaultValue = "" + BaselineConfig.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--shots", defaultValue = "0", description = "training images per class (0 = all)")
    int shots;

    @Option(names = "--val-fraction", defaultValue = "" + BaselineConfig.DEFAULT_VAL_FRACTION,
            description = "share of training images held out for validation")
    double valFraction;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Option(names = "--out", description = "run folder to create (default: a new folder under ~/reprogram-workbench/runs)")
    Path out;

    @Option(names = "--skip-bad-images", description = "leave unreadable target images out (listed in the output"
            + " and in result.json) instead of refusing the dataset")
    boolean skipBadImages;

    @Mixin
    ResourceOptions resources;

    @Override
    public Integer call() throws Exception {
        resources.apply();
        BaselineKind k = BaselineKind.parse(kind);
        BaselineConfig config = new BaselineConfig(k, source, AppPaths.orShipped(target),
                epochs == null ? BaselineConfig.defaultEpochs(k) : epochs, batchSize,
                lr == null ? BaselineConfig.defaultLr(k) : lr, seed, shots, valFraction, device, skipBadImages);
        try (org.reprogram.workbench.core.run.RunFolderLock claim = TrainCommand.claimOut(out)) {
            return run(config, k);
        }
    }

    private int run(BaselineConfig config, BaselineKind k) throws Exception {
        Path[] dir = {out};
        System.out.println(BaselinePlan.announcement(config));
        if (k == BaselineKind.LINEAR_PROBE && lr != null) {
            System.out.println("note: --lr does not apply to linear-probe (full-batch L-BFGS needs no learning rate)");
        }
        TrainingResult r = Baselines.run(config, () -> {
            if (dir[0] == null) {
                dir[0] = new RunStore(AppPaths.defaultRunsDir()).newRunDir(config);
            }
            return dir[0];
        }, new ConsoleProgress(System.out, config.epochs(), false,
                k == BaselineKind.LINEAR_PROBE ? "frozen weights" : k == BaselineKind.FINETUNE
                        ? "weights, all trained" : "weights, re-initialised and trained"), new TrainingControl());
        printResult(r, dir[0]);
        return r.completed() ? 0 : 1;
    }

    static void printResult(TrainingResult r, Path dir) {
        if (!r.completed()) {
            System.err.println("error: run " + r.status() + ": " + r.message());
        }
        if (r.method().equals(BaselineKind.LINEAR_PROBE.id()) && r.message() != null && r.completed()) {
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
