package org.reprogram.workbench.core.train;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.program.ScaleProgram;

/**
 * Everything that defines a reprogramming run; written to config.json so a run can be repeated.
 *
 * @param source "builtin", "builtin:NAME" or a TorchScript .pt path
 * @param target target dataset folder
 * @param program input program
 * @param innerSize side of the target window for pad (0: half the canvas)
 * @param mapping output label mapping
 * @param sourcesPerClass source classes per target class for the random mapping
 * @param trainer "whitebox" (backprop) or "blackbox" (zeroth-order, queries only)
 * @param epochs number of epochs
 * @param batchSize images per step
 * @param lr Adam learning rate
 * @param schedule learning-rate schedule
 * @param weightDecay L2 penalty on the program weights (Elsayed's lambda)
 * @param seed seeds shuffling, splits, random mapping and initialisation
 * @param shots training images per class (0: all)
 * @param valFraction share of the training images held out for validation
 * @param device "auto", "cpu" or "gpu"
 * @param queryDirections black-box: random directions q per step
 * @param smoothing black-box: smoothing radius beta
 * @param frame activation of the frame programs' weights (pad, scale): sigmoid or tanh
 * @param initScale scale program: initial input scale s (AutoVP searches 0.5, 1.0, 1.5)
 * @param loss "ce" (cross-entropy) or "focal" (BAR's focal loss, gamma and alpha as in BAR, see FocalLoss)
 * @param skipBadImages leave unreadable target images out (listed in the run's notices and result)
 *     instead of refusing the dataset (--skip-bad-images; false in runs saved before it existed)
 */
public record TrainConfig(
        String source,
        String target,
        ProgramKind program,
        int innerSize,
        MappingKind mapping,
        int sourcesPerClass,
        String trainer,
        int epochs,
        int batchSize,
        double lr,
        LearningRateSchedule schedule,
        double weightDecay,
        long seed,
        int shots,
        double valFraction,
        String device,
        int queryDirections,
        double smoothing,
        FrameActivation frame,
        double initScale,
        String loss,
        boolean skipBadImages) {

    /** A configuration that refuses unreadable target images (the default). */
    public TrainConfig(String source, String target, ProgramKind program, int innerSize, MappingKind mapping,
            int sourcesPerClass, String trainer, int epochs, int batchSize, double lr, LearningRateSchedule schedule,
            double weightDecay, long seed, int shots, double valFraction, String device, int queryDirections,
            double smoothing, FrameActivation frame, double initScale, String loss) {
        this(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize, lr, schedule,
                weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame, initScale, loss, false);
    }

    /** Runs saved before these fields existed read back with the behaviour they had. */
    public TrainConfig {
        if (frame == null) {
            frame = FrameActivation.TANH;
        }
        if (loss == null) {
            loss = "ce";
        }
        if (initScale == 0) {
            initScale = DEFAULT_INIT_SCALE;
        }
    }

    public static final double DEFAULT_INIT_SCALE = 1.5;

    /** Defaults for a quick white-box run on TARGET with the built-in model. */
    public static TrainConfig defaults(String target) {
        return new TrainConfig("builtin", target, ProgramKind.PAD, 0, MappingKind.ILM, 1, "whitebox", 10, 64,
                0.01, LearningRateSchedule.STEP, 0, 0, 0, 0.1, "auto", 10, 0.05,
                FrameActivation.DEFAULT, DEFAULT_INIT_SCALE, "ce");
    }

    /**
     * The teaching-demo preset: built-in model to the sample digits with a padding frame around a
     * 10 px digit and ILM. Chosen by a measured sweep (README, "Teaching demo"): about 0.85 test
     * accuracy in 20 epochs, 15-20 s on 2 idle cores.
     */
    public static TrainConfig demo(String target) {
        return new TrainConfig("builtin", target, ProgramKind.PAD, DEMO_INNER_SIZE, MappingKind.ILM, 1, "whitebox",
                DEMO_EPOCHS, 64, 0.05, LearningRateSchedule.COSINE, 0, 0, 0, 0.1, "auto", 10, 0.05,
                FrameActivation.TANH, DEFAULT_INIT_SCALE, "ce");
    }

    public static final int DEMO_EPOCHS = 20;
    public static final int DEMO_INNER_SIZE = 10;

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, n, batchSize, lr,
                schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withTarget(String t) {
        return new TrainConfig(source, t, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize, lr,
                schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withProgramAndMapping(ProgramKind p, int inner, MappingKind m) {
        return new TrainConfig(source, target, p, inner, m, sourcesPerClass, trainer, epochs, batchSize, lr,
                schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withSource(String s) {
        return new TrainConfig(s, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize, lr,
                schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withOptimization(int batch, double learningRate, long s) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batch,
                learningRate, schedule, weightDecay, s, shots, valFraction, device, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withDevice(String d) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, schedule, weightDecay, seed, shots, valFraction, d, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withTrainer(String t) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, t, epochs, batchSize,
                lr, schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame,
                initScale, loss, skipBadImages);
    }

    public TrainConfig withFrame(FrameActivation f) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, f,
                initScale, loss, skipBadImages);
    }

    public TrainConfig withInitScale(double s) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame,
                s, loss, skipBadImages);
    }

    public TrainConfig withLoss(String l) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame,
                initScale, l, skipBadImages);
    }

    public TrainConfig withBlackBox(int q, double beta) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, schedule, weightDecay, seed, shots, valFraction, device, q, beta, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withShotsAndValidation(int k, double fraction) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, schedule, weightDecay, seed, k, fraction, device, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withSchedule(LearningRateSchedule s) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, s, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame, initScale, loss, skipBadImages);
    }

    public TrainConfig withSkipBadImages(boolean skip) {
        return new TrainConfig(source, target, program, innerSize, mapping, sourcesPerClass, trainer, epochs, batchSize,
                lr, schedule, weightDecay, seed, shots, valFraction, device, queryDirections, smoothing, frame,
                initScale, loss, skip);
    }

    /** Problems with the values themselves (files are checked when the run is built). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        OptionChecks.common(p, target, epochs, batchSize, lr, shots, valFraction, device);
        if (program == null) {
            p.add("choose an input program");
        }
        if (mapping == null) {
            p.add("choose a label mapping");
        }
        if (innerSize < 0) {
            p.add("inner size (--inner-size) must be 0 (default) or positive");
        }
        if (sourcesPerClass < 1) {
            p.add("sources per class (--sources-per-class) must be at least 1");
        }
        if (weightDecay < 0) {
            p.add("weight decay (--weight-decay) must be >= 0");
        }
        if (trainer == null || !List.of("whitebox", "blackbox").contains(trainer)) {
            p.add("trainer (--trainer) must be whitebox or blackbox");
        }
        if (queryDirections < 1) {
            p.add("query directions (--queries) must be at least 1");
        }
        if (!(smoothing > 0)) {
            p.add("smoothing (--smoothing) must be positive");
        }
        if (!(initScale >= ScaleProgram.MIN_SCALE && initScale <= ScaleProgram.MAX_SCALE)) {
            p.add("initial scale (--init-scale) must be in [" + ScaleProgram.MIN_SCALE + ", " + ScaleProgram.MAX_SCALE + "]");
        }
        if (!List.of("ce", "focal").contains(loss)) {
            p.add("loss (--loss) must be ce or focal");
        }
        return p;
    }
}
