package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * Threads and data memory belong to the run (its {@code resources}), not to the process: two runs
 * trained at once in one JVM (as a study's trials on one executor) compute exactly what each
 * computes alone, also when they ask for different thread counts, and each run's data budget
 * reaches its loader. Before: the second run failed at its first step (DJL's gradient collector
 * allows one per JVM, see ThreadGradients), and with one process-wide thread count the 1-thread run
 * beside a 2-thread run trained with, and recorded, 2 threads.
 */
class ConcurrentRunsTest {

    /** Two short runs with different settings on the built-in model and the sample digits. */
    private static RunSpec first() {
        return RunSpec.defaults(TestPaths.digits().toString()).with(Settings.EPOCHS, 2).with(Settings.SHOTS, 10)
                .with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05).with(Settings.SEED, 1L)
                .with(Settings.DEVICE, "cpu").with(Settings.THREADS, 1);
    }

    private static RunSpec second() {
        return RunSpec.defaults(TestPaths.digits().toString()).with(Settings.PROGRAM, "full")
                .with(Settings.MAPPING, "linear").with(Settings.EPOCHS, 1).with(Settings.SHOTS, 10)
                .with(Settings.BATCH_SIZE, 16).with(Settings.LR, 0.01).with(Settings.SEED, 2L)
                .with(Settings.DEVICE, "cpu").with(Settings.THREADS, 1);
    }

    /** Every epoch's numbers, the test numbers and the recorded device of SPEC's run into DIR, as text. */
    private static List<String> train(RunSpec spec, Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        TrainingResult r = RunLauncher.run(spec, null, dir, new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                out.add(m.epoch() + ": " + m.trainLoss() + " " + m.trainAccuracy() + " " + m.valLoss() + " "
                        + m.valAccuracy());
            }
        }, new TrainingControl(), 0);
        assertTrue(r.completed(), r.message());
        out.add("test " + r.testAccuracy() + " " + r.testLoss() + " " + r.testAccuracyAtBestVal() + " "
                + Arrays.deepToString(r.testConfusion()));
        out.add("device " + r.device());
        return out;
    }

    /** A and B trained at the same time on two threads (started together), into DIR/a and DIR/b. */
    private static List<List<String>> together(RunSpec a, RunSpec b, Path dir) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> fa = pool.submit(() -> {
                start.await();
                return train(a, dir.resolve("a"));
            });
            Future<List<String>> fb = pool.submit(() -> {
                start.await();
                return train(b, dir.resolve("b"));
            });
            return List.of(fa.get(5, TimeUnit.MINUTES), fb.get(5, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoRunsTrainedAtOnceGiveWhatEachGivesAloneAlsoWithDifferentThreadCounts(@TempDir Path tmp) throws Exception {
        RunSpec twoThreads = second().with(Settings.THREADS, 2);
        List<String> a = train(first(), tmp.resolve("alone-a"));
        List<String> b = train(second(), tmp.resolve("alone-b"));
        List<String> b2 = train(twoThreads, tmp.resolve("alone-b2"));
        assertEquals("device cpu, 1 thread", a.get(a.size() - 1));
        assertEquals("device cpu, 2 threads", b2.get(b2.size() - 1));

        List<List<String>> both = together(first(), second(), tmp.resolve("together"));
        assertEquals(a, both.get(0), "the first run (1 thread), trained beside the second (1 thread)");
        assertEquals(b, both.get(1), "the second run (1 thread), trained beside the first (1 thread)");

        List<List<String>> mixed = together(first(), twoThreads, tmp.resolve("mixed"));
        assertEquals(a, mixed.get(0), "the 1-thread run, trained beside a 2-thread run");
        assertEquals(b2, mixed.get(1), "the 2-thread run, trained beside a 1-thread run");
    }

    @Test
    void eachRunsDataBudgetReachesItsLoader() throws Exception {
        RunSpec small = first().with(Settings.DATA_MEMORY, 1L); // one byte: every image is read from disk per batch
        RunSpec auto = first();
        try (Experiment streamed = Experiment.open(small); Experiment inMemory = Experiment.open(auto)) {
            assertTrue(streamed.dataset().streamed(), streamed.dataset().storage());
            assertFalse(inMemory.dataset().streamed(), inMemory.dataset().storage());
        }
        TargetDataset disk = TargetDatasets.open(TestPaths.digits(), 0, false, 64);
        TargetDataset memory = TargetDatasets.open(TestPaths.digits(), 0, false, 0);
        assertTrue(disk.streamed(), disk.storage());
        assertFalse(memory.streamed(), memory.storage());
        assertEquals(disk.train().size(), memory.train().size());
    }
}
