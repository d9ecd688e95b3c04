package org.reprogram.workbench.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.run.ProgramImages;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.MemoryProbe;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.Trainer;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark}: prints throughput (img/s of the reprogramming step at a batch size),
 * live-view overhead (snapshots at GUI rate vs none) and memory (peak RSS, RSS growth).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure training throughput, live-view overhead and memory on the sample digits.")
public final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--epochs", defaultValue = "3", description = "epochs per measured run")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64")
    int batchSize;

    @Option(names = "--repeats", defaultValue = "3", description = "alternating headless/live pairs")
    int repeats;

    @Option(names = "--snapshot-ms", defaultValue = "" + Trainer.LIVE_VIEW_MILLIS,
            description = "snapshot interval of the live run (default: the workbench's, ${DEFAULT-VALUE} ms)")
    long snapshotMs;

    @Option(names = "--program", defaultValue = "pad")
    String program;

    @Option(names = "--mapping", defaultValue = "ilm")
    String mapping;

    @Override
    public Integer call() throws InterruptedException {
        RunSpec cfg = ParameterRegistry.withText(ParameterRegistry.withText(
                RunSpec.defaults(TargetDatasets.sampleDigits().toString()), Settings.PROGRAM.id(), program),
                Settings.MAPPING.id(), mapping).with(Settings.EPOCHS, epochs).with(Settings.BATCH_SIZE, batchSize)
                .with(Settings.LR, 0.01).with(Settings.SEED, 0L).with(Settings.DEVICE, "cpu");
        TargetDataset data = TargetDatasets.open(java.nio.file.Path.of(cfg.data().target()), cfg.seed(), cfg.data().skipBadImages());
        System.out.printf(Locale.ROOT, "benchmark: %s/%s, batch %d, %d epochs per run, %d cores%n", program, mapping,
                batchSize, epochs, Runtime.getRuntime().availableProcessors());
        run(cfg, data, 0, new TrainingListener() {}); // warm-up
        double rssAfterWarmup = MemoryProbe.rssMegabytes();
        double headless = 0;
        double live = 0;
        for (int i = 0; i < repeats; i++) {
            double h = run(cfg, data, 0, new TrainingListener() {}).imagesPerSecond();
            double l;
            try (GuiLikeListener view = new GuiLikeListener()) {
                l = run(cfg, data, snapshotMs, view).imagesPerSecond();
            }
            System.out.printf(Locale.ROOT, "  pair %d: headless %.0f img/s, live view %.0f img/s%n", i + 1, h, l);
            headless += h / repeats;
            live += l / repeats;
        }
        double rssEnd = MemoryProbe.rssMegabytes();
        System.out.printf(Locale.ROOT, "throughput (train step incl. program+mapping, batch %d): %.0f img/s headless%n",
                batchSize, headless);
        System.out.printf(Locale.ROOT, "live view (snapshot every %d ms): %.0f img/s, overhead %.1f %%%n", snapshotMs, live,
                100 * (headless - live) / headless);
        System.out.printf(Locale.ROOT, "memory: peak RSS %.0f MB, RSS after warm-up %.0f MB, after %d more runs %.0f MB"
                + " (growth %.0f MB)%n", MemoryProbe.peakRssMegabytes(), rssAfterWarmup, 2 * repeats, rssEnd,
                rssEnd - rssAfterWarmup);
        return 0;
    }

    private static TrainingResult run(RunSpec cfg, TargetDataset data, long snapshotMs, TrainingListener l) {
        try (Experiment exp = Experiment.open(cfg, data)) {
            return Trainer.forConfig(cfg, snapshotMs).train(exp, l, new TrainingControl());
        }
    }

    /**
     * What the window does with snapshots: hands each to another thread (newest wins, one
     * hand-over in flight, as {@code TrainingBridge}/{@code SnapshotPoster} do for the FX thread),
     * which converts the program and sample images. The training thread pays the snapshot copies
     * and the hand-over; the conversion competes for the cores as the FX thread does.
     */
    private static final class GuiLikeListener implements TrainingListener, AutoCloseable {
        private final java.util.concurrent.atomic.AtomicReference<TrainingSnapshot> latest =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final java.util.concurrent.ExecutorService viewThread =
                java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "benchmark-view");
                    t.setDaemon(true);
                    return t;
                });
        private long sink;

        @Override
        public void onSnapshot(TrainingSnapshot s) {
            if (latest.getAndSet(s) == null) {
                viewThread.execute(this::convert);
            }
        }

        private void convert() {
            TrainingSnapshot s = latest.getAndSet(null);
            if (s == null) {
                return;
            }
            sink += ProgramImages.argb(s.perturbation(), s.channels(), s.height(), s.width(), true)[0];
            for (TrainingSnapshot.SampleView v : s.samples()) {
                sink += ProgramImages.argb(v.programmed(), s.channels(), s.height(), s.width(), false)[0];
            }
        }

        @Override
        public void close() throws InterruptedException {
            viewThread.shutdown();
            viewThread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
