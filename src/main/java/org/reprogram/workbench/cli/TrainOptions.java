package org.reprogram.workbench.cli;

import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.LearningRateSchedule;
import org.reprogram.workbench.core.train.TrainConfig;
import picocli.CommandLine.Option;

/** The options that make a {@link TrainConfig}, shared by train and benchmark. */
public final class TrainOptions {

    @Option(names = "--source", defaultValue = "builtin",
            description = "builtin, builtin:NAME or a TorchScript FILE.pt with FILE.pt.json (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--target", required = true, description = "target dataset folder (ImageFolder or IDX); sample-data/digits is the shipped sample")
    String target;

    @Option(names = "--program", defaultValue = "pad",
            description = "pad (frame), full (additive delta), scale (AutoVP learnable input scale) or smm (sample-specific"
                    + " masks) (default: ${DEFAULT-VALUE})")
    String program;

    @Option(names = "--inner-size", defaultValue = "0",
            description = "pad and scale: side of the target window in pixels (0 = half the canvas)")
    int innerSize;

    @Option(names = "--mapping", defaultValue = "ilm",
            description = "random, flm, ilm, linear, blm, blm+ or bar (BAR multi-label) (default: ${DEFAULT-VALUE})")
    String mapping;

    @Option(names = "--sources-per-class", defaultValue = "1", description = "random and bar mappings: source classes per target (BAR uses 6)")
    int sourcesPerClass;

    @Option(names = "--trainer", defaultValue = "whitebox", description = "whitebox (backprop) or blackbox (zeroth-order)")
    String trainer;

    @Option(names = "--epochs", defaultValue = "10")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.01")
    double lr;

    @Option(names = "--schedule", defaultValue = "step", description = "constant, step (x0.1 at 50%% and 72%%) or cosine")
    String schedule;

    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 penalty on the program weights")
    double weightDecay;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--shots", defaultValue = "0", description = "training images per class (0 = all)")
    int shots;

    @Option(names = "--val-fraction", defaultValue = "0.1", description = "share of training images held out for validation")
    double valFraction;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Option(names = "--queries", defaultValue = "10",
            description = "blackbox: random directions q per step (default ${DEFAULT-VALUE}; BAR's code: 1)")
    int queries;

    @Option(names = "--smoothing", defaultValue = "0.05",
            description = "blackbox: smoothing radius beta (default ${DEFAULT-VALUE}; BAR's code: 0.1)")
    double smoothing;

    @Option(names = "--frame", defaultValue = "tanh",
            description = "pad and scale: frame activation, tanh (Elsayed) or sigmoid (ILM-VP, AutoVP) (default: ${DEFAULT-VALUE})")
    String frame;

    @Option(names = "--init-scale", defaultValue = "1.5",
            description = "scale: initial input scale s (AutoVP searches 0.5, 1.0, 1.5) (default: ${DEFAULT-VALUE})")
    double initScale;

    @Option(names = "--loss", defaultValue = "ce", description = "ce (cross-entropy) or focal (BAR: gamma 4, alpha 0.8)")
    String loss;

    @Option(names = "--skip-bad-images", description = "leave unreadable target images out (listed in the output"
            + " and in result.json) instead of refusing the dataset")
    boolean skipBadImages;

    public TrainConfig toConfig() {
        LearningRateSchedule s;
        try {
            s = LearningRateSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown schedule '" + schedule + "' (use constant, step or cosine)");
        }
        return new TrainConfig(source, AppPaths.orShipped(target), ProgramKind.parse(program), innerSize, MappingKind.parse(mapping),
                sourcesPerClass, trainer, epochs, batchSize, lr, s, weightDecay, seed, shots, valFraction, device,
                queries, smoothing, FrameActivation.parse(frame), initScale, loss).withSkipBadImages(skipBadImages);
    }
}
