package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.MemoryProbe;
import org.reprogram.workbench.core.train.StepBenchmark;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.train.Trainer;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times white-box reprogramming steps on any source (synthetic input or the real
 * loader) and prints img/s, step time and peak RSS, or with {@code --soak} trains epoch after
 * epoch and prints resident memory per epoch.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, modelTransformer = ResourceOptions.Both.class,
        description = "Time white-box reprogramming steps (img/s, step ms, peak RSS); --soak prints RSS per epoch.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--source", defaultValue = "builtin", description = "builtin or a TorchScript .pt file")
    String source;

    @Option(names = "--target", description = "target folder: batches come from the real loader (default: synthetic"
            + " random input; the sample digits only define the classes)")
    Path target;

    @Option(names = "--batch-size", defaultValue = "64")
    int batchSize;

    @Option(names = "--steps", defaultValue = "50", description = "timed steps per repeat")
    int steps;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed steps first")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "timed repeats; img/s is their median")
    int repeats;

    @Option(names = "--program", defaultValue = "pad")
    String program;

    @Option(names = "--mapping", defaultValue = "random", description = "label mapping (default: a fixed one-to-one)")
    String mapping;

    @Option(names = "--inner-size", defaultValue = "0")
    int innerSize;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Option(names = "--eval-images", defaultValue = "0", description = "test images to evaluate after the steps")
    int evalImages;

    @Option(names = "--soak", defaultValue = "0", description = "train this many epochs on the target (default the"
            + " sample digits) and print RSS after each")
    int soak;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunSpec resources = ResourceOptions.read(spec, RunSpec.defaults(""));
        if (steps < 1 || repeats < 1 || warmup < 0 || batchSize < 1 || evalImages < 0 || soak < 0) {
            throw new UserInputException("--steps, --repeats and --batch-size must be >= 1; --warmup, --eval-images"
                    + " and --soak >= 0");
        }
        long t0 = System.nanoTime();
        Path data = target != null ? target : TargetDatasets.sampleDigits();
        RunSpec cfg = ParameterRegistry.withText(ParameterRegistry.withText(RunSpec.defaults(data.toString())
                .with(Settings.SOURCE, source), Settings.PROGRAM.id(), program), Settings.MAPPING.id(), mapping)
                .withValue(ParameterRegistry.get(FrameSettings.INNER_SIZE.id()), innerSize)
                .with(Settings.BATCH_SIZE, batchSize).with(Settings.LR, 0.01).with(Settings.SEED, 0L)
                .with(Settings.DEVICE, device).with(Settings.EPOCHS, Math.max(1, soak))
                .with(Settings.THREADS, resources.resources().threads())
                .with(Settings.DATA_MEMORY, resources.resources().dataMemoryBytes());
        TargetDataset dataset = TargetDatasets.open(data, cfg.seed(), false, cfg.resources().dataMemoryBytes());
        if (soak > 0) {
            return soak(cfg, dataset);
        }
        try (Experiment exp = Experiment.open(cfg, dataset)) {
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            StepBenchmark.Result r = StepBenchmark.run(exp,
                    new StepBenchmark.Options(steps, warmup, repeats, target != null, evalImages));
            String input = target != null ? "loader" : "synthetic";
            if (json) {
                System.out.println(String.format(Locale.ROOT, "{\"imagesPerSecond\": %.2f, \"stepMillisMedian\": %.3f,"
                        + " \"peakRssMegabytes\": %.1f, \"device\": \"%s\", \"threads\": %d, \"input\": \"%s\","
                        + " \"source\": \"%s\", \"batchSize\": %d, \"steps\": %d, \"repeats\": %d,"
                        + " \"repeatImagesPerSecond\": [%s], \"evalImagesPerSecond\": %s, \"loadSeconds\": %.2f,"
                        + " \"dataStorage\": \"%s\"}",
                        r.imagesPerSecond(), r.stepMillisMedian(), r.peakRssMegabytes(), r.device(), r.threads(), input,
                        jsonEscape(exp.source().origin()), batchSize, steps, repeats,
                        Arrays.stream(r.repeatImagesPerSecond()).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
                                .collect(Collectors.joining(", ")),
                        Double.isNaN(r.evalImagesPerSecond()) ? "null"
                                : String.format(Locale.ROOT, "%.2f", r.evalImagesPerSecond()),
                        loadSeconds, jsonEscape(dataset.storage())));
            } else {
                System.out.printf(Locale.ROOT, "bench: %s (%s), %s/%s, batch %d, %s input, %s; data %s%n",
                        exp.source().card().name(), exp.source().origin(), program, mapping, batchSize, input, r.device(),
                        dataset.storage());
                System.out.printf(Locale.ROOT, "load %.2f s; %d warm-up steps, then %d x %d timed steps%n", loadSeconds,
                        warmup, repeats, steps);
                System.out.printf(Locale.ROOT, "throughput %.1f img/s (median; repeats %s), step %.2f ms (median)%n",
                        r.imagesPerSecond(), Arrays.stream(r.repeatImagesPerSecond())
                                .mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", ")),
                        r.stepMillisMedian());
                if (!Double.isNaN(r.evalImagesPerSecond())) {
                    System.out.printf(Locale.ROOT, "evaluation of %d test images: %.1f img/s%n",
                            Math.min(evalImages, dataset.test().size()), r.evalImagesPerSecond());
                }
                System.out.printf(Locale.ROOT, "peak RSS %.0f MB%n", r.peakRssMegabytes());
            }
        }
        return 0;
    }

    /** Full training epochs with RSS after each; the RSS line of epoch 2 is the reference. */
    private int soak(RunSpec cfg, TargetDataset dataset) {
        double[] rss = new double[soak + 1];
        TrainingListener l = new TrainingListener() {
            private long lastAllocated = MemoryProbe.allocatedBytes();

            @Override
            public void onEpoch(EpochMetrics m) {
                rss[m.epoch()] = MemoryProbe.rssMegabytes();
                long allocated = MemoryProbe.allocatedBytes();
                System.out.printf(Locale.ROOT, "epoch %d  RSS %.1f MB  Java allocations %.1f MB  val acc %.3f  %.0f img/s%n",
                        m.epoch(), rss[m.epoch()], (allocated - lastAllocated) / 1048576.0, m.valAccuracy(),
                        m.imagesPerSecond());
                lastAllocated = allocated;
            }
        };
        TrainingResult r;
        try (Experiment exp = Experiment.open(cfg, dataset)) {
            r = Trainer.forConfig(cfg, 0).train(exp, l, new TrainingControl());
        }
        if (soak >= 2 && rss[2] > 0) {
            System.out.printf(Locale.ROOT, "soak: RSS epoch 2 %.1f MB, epoch %d %.1f MB (%+.1f %%), peak %.0f MB, %s%n",
                    rss[2], soak, rss[soak], 100 * (rss[soak] - rss[2]) / rss[2], MemoryProbe.peakRssMegabytes(),
                    r.status());
        }
        return r.completed() ? 0 : 1;
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
