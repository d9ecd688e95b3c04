package org.reprogram.workbench.core.baseline;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.LearningRateSchedule;
import org.reprogram.workbench.core.train.OptionChecks;
import org.reprogram.workbench.core.train.TrainConfig;

/**
 * Everything that defines a baseline run; written to config.json (with {@code "method"}) so it
 * can be repeated. Target data, splits (validation share, shots), shuffling and seed work exactly
 * as in a reprogramming run, and the target fills the whole canvas (like program 'full').
 *
 * <p>Learning rates (Adam, constant): the defaults here are {@value #LINEAR_PROBE_LR} for the
 * linear probe and {@value #FINETUNE_LR} for fine-tuning and training from scratch. The authors
 * use: ILM-VP linear probe Adam 0.1, AutoVP linear probe Adam 0.001; fine-tuning Adam 1e-4 to 1e-3
 * (methods.md, "Baselines"). The linear probe uses none of them: it is fitted to convergence by
 * full-batch L-BFGS on its cached features (fixed L2 penalty 1e-4), {@code epochs} capping the
 * iterations (default {@value #LINEAR_PROBE_MAX_ITERATIONS}); lr and batch size do not apply to it.
 *
 * @param kind linear-probe, finetune or scratch
 * @param source "builtin", "builtin:NAME" or a TorchScript .pt path
 * @param target target dataset folder
 * @param epochs number of epochs (linear probe: the most L-BFGS iterations; it stops earlier once converged)
 * @param batchSize images per step
 * @param lr Adam learning rate (constant)
 * @param seed seeds splits, shuffling and the new weights (head, scratch initialisation)
 * @param shots training images per class (0: all)
 * @param valFraction share of the training images held out for validation
 * @param device "auto", "cpu" or "gpu"
 * @param skipBadImages leave unreadable target images out instead of refusing the dataset
 *     (--skip-bad-images; false in runs saved before it existed)
 */
public record BaselineConfig(
        BaselineKind kind,
        String source,
        String target,
        int epochs,
        int batchSize,
        double lr,
        long seed,
        int shots,
        double valFraction,
        String device,
        boolean skipBadImages) {

    /** A configuration that refuses unreadable target images (the default). */
    public BaselineConfig(BaselineKind kind, String source, String target, int epochs, int batchSize, double lr,
            long seed, int shots, double valFraction, String device) {
        this(kind, source, target, epochs, batchSize, lr, seed, shots, valFraction, device, false);
    }

    /** Default Adam learning rate of the linear probe (ILM-VP uses 0.1, AutoVP 0.001). */
    public static final double LINEAR_PROBE_LR = 0.01;
    /** Default Adam learning rate of fine-tuning and scratch (authors: 1e-4 to 1e-3). */
    public static final double FINETUNE_LR = 0.001;
    public static final int DEFAULT_EPOCHS = 10;
    /** Default cap of the linear probe's L-BFGS iterations (it stops once the training loss stops falling). */
    public static final int LINEAR_PROBE_MAX_ITERATIONS = 1000;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final double DEFAULT_VAL_FRACTION = 0.1;

    /** The default learning rate of KIND. */
    public static double defaultLr(BaselineKind kind) {
        return kind == BaselineKind.LINEAR_PROBE ? LINEAR_PROBE_LR : FINETUNE_LR;
    }

    /** The default epochs of KIND: the linear probe's iteration cap, else {@value #DEFAULT_EPOCHS}. */
    public static int defaultEpochs(BaselineKind kind) {
        return kind == BaselineKind.LINEAR_PROBE ? LINEAR_PROBE_MAX_ITERATIONS : DEFAULT_EPOCHS;
    }

    /** Defaults for KIND with the built-in model on TARGET. */
    public static BaselineConfig defaults(BaselineKind kind, String target) {
        return new BaselineConfig(kind, "builtin", target, defaultEpochs(kind), DEFAULT_BATCH_SIZE,
                kind == null ? FINETUNE_LR : defaultLr(kind), 0, 0, DEFAULT_VAL_FRACTION, "auto");
    }

    public BaselineConfig withKind(BaselineKind k) {
        return new BaselineConfig(k, source, target, epochs, batchSize, lr, seed, shots, valFraction, device, skipBadImages);
    }

    public BaselineConfig withSource(String s) {
        return new BaselineConfig(kind, s, target, epochs, batchSize, lr, seed, shots, valFraction, device, skipBadImages);
    }

    public BaselineConfig withEpochs(int n) {
        return new BaselineConfig(kind, source, target, n, batchSize, lr, seed, shots, valFraction, device, skipBadImages);
    }

    public BaselineConfig withOptimization(int batch, double learningRate, long s) {
        return new BaselineConfig(kind, source, target, epochs, batch, learningRate, s, shots, valFraction, device, skipBadImages);
    }

    public BaselineConfig withData(int k, double fraction) {
        return new BaselineConfig(kind, source, target, epochs, batchSize, lr, seed, k, fraction, device, skipBadImages);
    }

    public BaselineConfig withDevice(String d) {
        return new BaselineConfig(kind, source, target, epochs, batchSize, lr, seed, shots, valFraction, d, skipBadImages);
    }

    public BaselineConfig withSkipBadImages(boolean skip) {
        return new BaselineConfig(kind, source, target, epochs, batchSize, lr, seed, shots, valFraction, device, skip);
    }

    /** Problems with the values themselves (files are checked when the run is built). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (kind == null) {
            p.add("choose a baseline (--kind " + BaselineKind.ids().replace(", ", "|") + ")");
        }
        OptionChecks.common(p, target, epochs, batchSize, lr, shots, valFraction, device);
        return p;
    }

    /**
     * The nearest reprogramming configuration (same source, target, splits, seed and
     * optimisation; program 'full', mapping 'linear', trainer = this baseline's id), for code that
     * only knows {@link TrainConfig}. It describes the data setup, not the method: check
     * {@link org.reprogram.workbench.core.run.RunRecord#baseline()} first.
     */
    public TrainConfig asTrainConfigView() {
        return new TrainConfig(source, target, ProgramKind.FULL, 0, MappingKind.LINEAR, 1,
                kind == null ? "baseline" : kind.id(), epochs, batchSize, lr, LearningRateSchedule.CONSTANT, 0, seed,
                shots, valFraction, device, 10, 0.05, FrameActivation.DEFAULT, TrainConfig.DEFAULT_INIT_SCALE, "ce",
                skipBadImages);
    }
}
