package org.reprogram.workbench.core.study.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.ZipFolder;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.study.TrialReturn;
import org.reprogram.workbench.core.study.TrialTask;
import org.reprogram.workbench.core.train.EpochMetrics;

/** Small trials on the built-in model and the sample digits, as a study's driver would send them. */
final class Trials {

    private Trials() {}

    /** A quick run of EPOCHS epochs with SEED, 1 thread (float sums depend on the thread count). */
    static RunSpec spec(int epochs, long seed) {
        return RunSpec.defaults(TestPaths.digits().toString()).with(Settings.EPOCHS, epochs)
                .with(Settings.SHOTS, 10).with(Settings.VAL_FRACTION, 0.2).with(Settings.SEED, seed)
                .with(Settings.DEVICE, "cpu").with(Settings.THREADS, 1);
    }

    /** SPEC as a task (its config as the study's driver sends it), stopping after STOP (0: at the end). */
    static TrialTask task(String id, RunSpec spec, int stop, byte[] runFolder, Map<String, String> shipped) {
        return new TrialTask(id, Json.toJson(RunSpecJson.toJson(spec)), stop, runFolder, shipped);
    }

    /** The run folder R brought back, unpacked into DIR/ID and read. */
    static RunRecord unpack(TrialReturn r, Path dir) throws IOException {
        Path run = dir.resolve(r.trialId());
        if (Files.exists(run)) {
            run = dir.resolve(r.trialId() + "-" + System.nanoTime());
        }
        ZipFolder.unzip(r.runFolder(), run);
        return RunStore.load(run, false);
    }

    /** The figures of a run's epochs that training decides (not its timings). */
    static List<List<Double>> learned(RunRecord run) {
        return run.metrics().stream().map(Trials::learned).toList();
    }

    private static List<Double> learned(EpochMetrics m) {
        return List.of((double) m.epoch(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(),
                m.learningRate());
    }

    /** Asserts that two runs learned the same: epochs' figures and test accuracy. */
    static void assertSameRun(RunRecord expected, RunRecord actual, String what) {
        assertEquals(learned(expected), learned(actual), what + ": epochs");
        assertEquals(expected.result().testAccuracy(), actual.result().testAccuracy(), what + ": test accuracy");
        assertEquals(expected.result().testLoss(), actual.result().testLoss(), what + ": test loss");
    }
}
