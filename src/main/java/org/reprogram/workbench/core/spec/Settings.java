package org.reprogram.workbench.core.spec;

import java.util.List;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ValueType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.mapping.MappingTypes;

/**
 * The settings every run has (source, data, method, trainer, optimisation, seed, resources), declared
 * once each. The settings of a program or mapping are declared by that program or mapping and bound
 * by {@link ParameterRegistry}. Help texts follow the CLI's wording; the form shows them as hints.
 */
public final class Settings {

    private Settings() {}

    /** Threads per available core that {@link #THREADS} accepts at most (more only oversubscribes). */
    public static final int MAX_THREADS_PER_CORE = 4;

    public static final Setting<Method> METHOD = Setting.bind(Parameter.of("method",
            ValueType.choice(Method.class, Method::id)).label("Method").option("--method")
            .help("reprogram, or a baseline: linear-probe, finetune or scratch").defaultValue(Method.REPROGRAM).build(),
            RunSpec::method, RunSpec::withMethod).build();

    public static final Setting<String> SOURCE = Setting.bind(Parameter.of("source", ValueType.text(false))
            .label("Source model").column("source").help("builtin, builtin:NAME or a TorchScript FILE.pt with FILE.pt.json")
            .defaultValue("builtin").build(), RunSpec::source, RunSpec::withSource).build();

    public static final Setting<String> TARGET = Setting.bind(Parameter.of("data.target", ValueType.text(false))
            .key("target").label("Target dataset").column("target").option("--target")
            .help("target dataset folder (ImageFolder or IDX); sample-data/digits is the shipped sample")
            .defaultValue("").build(), s -> s.data().target(),
            (s, v) -> s.withData(new DataSpec(v, s.data().shots(), s.data().valFraction(), s.data().skipBadImages())))
            .build();

    public static final Setting<Integer> SHOTS = Setting.bind(Parameter.of("data.shots",
            ValueType.integer(0, Integer.MAX_VALUE)).label("Shots per class").column("shots")
            .help("training images per class, e.g. 16 for a few-shot run (0 = all: every training image)").defaultValue(0).zeroReads("all").build(),
            s -> s.data().shots(),
            (s, v) -> s.withData(new DataSpec(s.data().target(), v, s.data().valFraction(), s.data().skipBadImages())))
            .build();

    public static final Setting<Double> VAL_FRACTION = Setting.bind(Parameter.of("data.val_fraction",
            ValueType.real(0, true, 0.9, false)).label("Validation share").column("val share")
            .help("share of the training images held out for validation (0 to below 0.9)").defaultValue(0.1).build(),
            s -> s.data().valFraction(),
            (s, v) -> s.withData(new DataSpec(s.data().target(), s.data().shots(), v, s.data().skipBadImages())))
            .build();

    public static final Setting<Boolean> SKIP_BAD_IMAGES = Setting.bind(Parameter.of("data.skip_bad_images",
            ValueType.bool()).label("Skip unreadable images").help("leave unreadable target images out (listed in the"
            + " output and in result.json) instead of refusing the dataset").defaultValue(false).build(),
            s -> s.data().skipBadImages(),
            (s, v) -> s.withData(new DataSpec(s.data().target(), s.data().shots(), s.data().valFraction(), v))).build();

    public static final Setting<Long> SEED = Setting.bind(Parameter.of("seed", ValueType.anyLong()).label("Seed")
            .help("seeds splits, shuffling, random mapping and initialisation: the same seed repeats a run exactly")
            .defaultValue(0L).build(), RunSpec::seed, RunSpec::withSeed).build();

    public static final Setting<String> PROGRAM = Setting.bind(Parameter.of("program",
            ValueType.choice(ProgramTypes.ids())).label("Program").help(describe(true)).defaultValue("pad").build(),
            s -> s.program().id(), (s, v) -> s.withProgram(new ProgramSpec(v, s.program().settings())))
            .when(RunSpec::isReprogramming).build();

    public static final Setting<String> MAPPING = Setting.bind(Parameter.of("mapping",
            ValueType.choice(MappingTypes.ids())).label("Label mapping").column("mapping").help(describe(false)).defaultValue("ilm").build(),
            s -> s.mapping().id(), (s, v) -> s.withMapping(new MappingSpec(v, s.mapping().settings())))
            .when(RunSpec::isReprogramming).build();

    public static final Setting<TrainerKind> TRAINER = Setting.bind(Parameter.of("trainer",
            ValueType.choice(TrainerKind.class, TrainerKind::id)).label("Trainer")
            .help("whitebox: gradients through the frozen model (backprop); blackbox: zeroth-order, the model is"
                    + " only queried").defaultValue(TrainerKind.WHITEBOX).build(),
            s -> s.trainer().kind(),
            (s, v) -> s.withTrainer(new TrainerSpec(v, s.trainer().queryDirections(), s.trainer().smoothing())))
            .when(RunSpec::isReprogramming).build();

    public static final Setting<Integer> QUERY_DIRECTIONS = Setting.bind(Parameter.of("trainer.query_directions",
            ValueType.integer(1, Integer.MAX_VALUE)).key("queryDirections").label("Query directions").column("q")
            .option("--queries").help("blackbox only: random directions q per step, q + 1 queries per image (BAR's code: 1)").defaultValue(10).build(),
            s -> s.trainer().queryDirections(),
            (s, v) -> s.withTrainer(new TrainerSpec(s.trainer().kind(), v, s.trainer().smoothing())))
            .when(s -> s.isReprogramming() && s.trainer().blackBox()).build();

    public static final Setting<Double> SMOOTHING = Setting.bind(Parameter.of("trainer.smoothing",
            ValueType.real(0, false, Double.POSITIVE_INFINITY, false)).label("Smoothing β").column("beta")
            .help("blackbox only: smoothing radius beta, the step of the finite differences (BAR's code: 0.1)").defaultValue(0.05).build(),
            s -> s.trainer().smoothing(),
            (s, v) -> s.withTrainer(new TrainerSpec(s.trainer().kind(), s.trainer().queryDirections(), v)))
            .when(s -> s.isReprogramming() && s.trainer().blackBox()).build();

    public static final Setting<LossKind> LOSS = Setting.bind(Parameter.of("optimization.loss",
            ValueType.choice(LossKind.class, LossKind::id)).key("loss").label("Loss")
            .help("ce: cross-entropy, the usual loss; focal: BAR's focal loss (gamma 4, alpha 0.8), which weights"
                    + " hard examples more (often paired with the bar mapping)").defaultValue(LossKind.CE).build(),
            s -> s.optimization().loss(), (s, v) -> s.withOptimization(optimization(s.optimization(), null, null,
                    null, null, null, v)))
            .when(RunSpec::isReprogramming).build();

    public static final Setting<Integer> EPOCHS = Setting.bind(Parameter.of("optimization.epochs",
            ValueType.integer(1, Integer.MAX_VALUE)).label("Epochs")
            .help("passes over the training images (linear-probe: the most L-BFGS iterations; it stops once converged)")
            .defaultValue(10).build(), s -> s.optimization().epochs(),
            (s, v) -> s.withOptimization(optimization(s.optimization(), v, null, null, null, null, null)))
            .defaultFor(Method.LINEAR_PROBE, 1000).build();

    public static final Setting<Integer> BATCH_SIZE = Setting.bind(Parameter.of("optimization.batch_size",
            ValueType.integer(1, Integer.MAX_VALUE)).label("Batch size").column("batch").help("images per step (linear-probe: per feature pass)").defaultValue(64).build(),
            s -> s.optimization().batchSize(),
            (s, v) -> s.withOptimization(optimization(s.optimization(), null, v, null, null, null, null))).build();

    public static final Setting<Double> LR = Setting.bind(Parameter.of("optimization.lr",
            ValueType.real(0, false, Double.POSITIVE_INFINITY, false)).key("lr").label("Learning rate").column("lr").option("--lr")
            .help("Adam step size (0.01-0.05 for pixel-space programs; fine-tuning and scratch: 0.001)")
            .defaultValue(0.01).build(), s -> s.optimization().lr(),
            (s, v) -> s.withOptimization(optimization(s.optimization(), null, null, v, null, null, null)))
            .when(s -> s.method() != Method.LINEAR_PROBE)
            .defaultFor(Method.FINETUNE, 0.001).defaultFor(Method.SCRATCH, 0.001).build();

    public static final Setting<LearningRateSchedule> SCHEDULE = Setting.bind(Parameter.of("optimization.schedule",
            ValueType.choice(LearningRateSchedule.class, LearningRateSchedule::id)).key("schedule").label("LR schedule").column("schedule")
            .help("constant; step: x0.1 at 50% and again at 72% of the steps (ILM-VP); cosine: decays to zero")
            .defaultValue(LearningRateSchedule.STEP).build(), s -> s.optimization().schedule(),
            (s, v) -> s.withOptimization(optimization(s.optimization(), null, null, null, v, null, null)))
            .defaultFor(Method.LINEAR_PROBE, LearningRateSchedule.CONSTANT)
            .defaultFor(Method.FINETUNE, LearningRateSchedule.CONSTANT)
            .defaultFor(Method.SCRATCH, LearningRateSchedule.CONSTANT).build();

    public static final Setting<Double> WEIGHT_DECAY = Setting.bind(Parameter.of("optimization.weight_decay",
            ValueType.real(0, true, Double.POSITIVE_INFINITY, false)).label("Weight decay")
            .help("L2 penalty on the program weights").defaultValue(0.0).build(), s -> s.optimization().weightDecay(),
            (s, v) -> s.withOptimization(optimization(s.optimization(), null, null, null, null, v, null)))
            .when(RunSpec::isReprogramming).build();

    public static final Setting<String> DEVICE = Setting.bind(Parameter.of("resources.device",
            ValueType.choice(List.of("auto", "cpu", "gpu"))).key("device").label("Device")
            .help("auto (the GPU when one is visible, else the CPU; a notice says which), cpu or gpu").defaultValue("auto").build(),
            s -> s.resources().device(),
            (s, v) -> s.withResources(new ResourceSpec(v, s.resources().threads(), s.resources().dataMemoryBytes())))
            .build();

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /**
     * PyTorch's intra-op threads of this run, applied on the thread that trains (0: the available
     * cores). At most {@value #MAX_THREADS_PER_CORE} per core: {@code --threads 1000} on 2 cores ran
     * 7x slower (every parallel region waits for descheduled workers), so it is refused rather than slow.
     */
    public static final Setting<Integer> THREADS = Setting.bind(Parameter.of("resources.threads",
            ValueType.count(CORES * MAX_THREADS_PER_CORE, "this machine can use (" + CORES + " available cores, at most "
                    + MAX_THREADS_PER_CORE + " threads per core)")).label("Threads").cliSubject("--threads")
            .fix("give 1.." + CORES * MAX_THREADS_PER_CORE + ", or 0 for all " + CORES + " cores")
            .help("PyTorch intra-op threads for this run: 1 to " + MAX_THREADS_PER_CORE + " per available core, 0 = all"
                    + " available cores; float sums, and so the last digits, depend on it").defaultValue(0).build(),
            s -> s.resources().threads(),
            (s, v) -> s.withResources(new ResourceSpec(s.resources().device(), v, s.resources().dataMemoryBytes())))
            .build();

    /**
     * The memory this run's decoded target images may take before they are read from disk per batch
     * instead (0, "auto": a quarter of the Java heap, at most an eighth of the machine's memory).
     */
    public static final Setting<Long> DATA_MEMORY = Setting.bind(Parameter.of("resources.data_memory",
            ValueType.byteSize()).label("Data memory").cliSubject("--data-memory").fix("write e.g. 512M, 2G or auto")
            .help("memory for decoded target images, e.g. 512M or 2G; larger datasets are read from disk per batch"
                    + " (auto = 1/4 of the Java heap, at most 1/8 of the machine's memory)").defaultValue(0L).build(),
            s -> s.resources().dataMemoryBytes(),
            (s, v) -> s.withResources(new ResourceSpec(s.resources().device(), s.resources().threads(), v)))
            .build();

    /** The core settings in the order of the CLI help, the form and the compare table (method settings go in between). */
    static List<Setting<?>> core() {
        return List.of(METHOD, SOURCE, TARGET, PROGRAM, MAPPING, TRAINER, QUERY_DIRECTIONS, SMOOTHING, LOSS, EPOCHS,
                BATCH_SIZE, LR, SCHEDULE, WEIGHT_DECAY, SEED, SHOTS, VAL_FRACTION, SKIP_BAD_IMAGES, DEVICE, THREADS,
                DATA_MEMORY);
    }

    private static OptimizationSpec optimization(OptimizationSpec o, Integer epochs, Integer batch, Double lr,
            LearningRateSchedule schedule, Double weightDecay, LossKind loss) {
        return new OptimizationSpec(epochs != null ? epochs : o.epochs(), batch != null ? batch : o.batchSize(),
                lr != null ? lr : o.lr(), schedule != null ? schedule : o.schedule(),
                weightDecay != null ? weightDecay : o.weightDecay(), loss != null ? loss : o.loss());
    }

    private static String describe(boolean programs) {
        return programs ? String.join("; ", ProgramTypes.all().stream().map(t -> t.id() + ": " + t.description()).toList())
                : String.join("; ", MappingTypes.all().stream().map(t -> t.id() + ": " + t.description()).toList());
    }
}
