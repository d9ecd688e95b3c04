package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.BuiltinSourceModel;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.program.ScaleProgram;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.LossKind;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.Trainer;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.RunStatus;

/** Every reprogramming method trained for real on the built-in model and a few sample digits. */
class MethodsTrainingTest {

    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    private static RunSpec config(String p, String m, String trainer, int epochs, int shots) {
        return RunSpec.defaults(TestPaths.digits().toString()).with(Settings.PROGRAM, p).with(Settings.MAPPING, m)
                .with(Settings.EPOCHS, epochs).with(Settings.DEVICE, "cpu")
                .with(Settings.TRAINER, "blackbox".equals(trainer) ? TrainerKind.BLACKBOX : TrainerKind.WHITEBOX)
                .with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05).with(Settings.SEED, 0L)
                .with(Settings.SHOTS, shots).with(Settings.VAL_FRACTION, 0.2);
    }

    private static List<float[]> frozenWeights(BuiltinSourceModel model) {
        List<float[]> w = new ArrayList<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            w.add(p.getValue().getArray().toFloatArray());
        }
        return w;
    }

    /** Trains CONFIG with the source wrapped in a counting double; returns the result and the count. */
    private static Object[] trainCounted(RunSpec cfg, TrainingListener listener) {
        return trainCounted(cfg, listener, 0);
    }

    private static Object[] trainCounted(RunSpec cfg, TrainingListener listener, long snapshotMillis) {
        CountingSourceModel counting = new CountingSourceModel(SourceModels.open(cfg.source(), Device.cpu()));
        try (Experiment exp = Experiment.open(cfg, DIGITS, counting)) {
            BuiltinSourceModel model = (BuiltinSourceModel) counting.delegate();
            List<float[]> before = frozenWeights(model);
            float[] programBefore = exp.program().weights();
            TrainingResult r = Trainer.forConfig(cfg, snapshotMillis).train(exp, listener, new TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            List<float[]> after = frozenWeights(model);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 0f, cfg.program().id() + "/" + cfg.trainer().kind().id()
                        + ": frozen parameter " + i + " changed");
            }
            assertFalse(java.util.Arrays.equals(programBefore, exp.program().weights()), "the program must train");
            return new Object[] {r, counting.images(), exp.train().size(), exp.validation().size(), exp.test().size()};
        }
    }

    @Test
    void everyProgramTrainsAndLeavesTheSourceWeightsBitIdentical() {
        for (ProgramType p : ProgramTypes.all()) {
            boolean hasFrame = p.parameters().contains(FrameSettings.FRAME);
            for (FrameActivation f : hasFrame ? FrameActivation.values() : new FrameActivation[] {FrameActivation.TANH}) {
                RunSpec cfg = config(p.id(), "ilm", "whitebox", 1, 10)
                        .withValue(ParameterRegistry.get("program.frame"), f);
                TrainingResult r = (TrainingResult) trainCounted(cfg, new TrainingListener() {})[0];
                assertTrue(Double.isFinite(r.testAccuracy()), p + "/" + f);
            }
        }
        trainCounted(config("smm", "blm+", "blackbox", 1, 5).with(Settings.QUERY_DIRECTIONS, 2)
                .with(Settings.SMOOTHING, 0.1), new TrainingListener() {});
    }

    @Test
    void blackBoxQueryCountsEqualTheImagesTheModelActuallyAnswered() {
        int epochs = 2;
        int q = 3;
        RunSpec cfg = config("pad", "ilm", "blackbox", epochs, 10).with(Settings.QUERY_DIRECTIONS, q)
                .with(Settings.SMOOTHING, 0.1)
                .with(Settings.LOSS, LossKind.FOCAL);
        List<TrainingSnapshot> snaps = new CopyOnWriteArrayList<>();
        Object[] out = trainCounted(cfg, new TrainingListener() {
            @Override
            public void onSnapshot(TrainingSnapshot s) {
                snaps.add(s);
            }
        });
        TrainingResult r = (TrainingResult) out[0];
        long counted = (long) out[1];
        int train = (int) out[2];
        int val = (int) out[3];
        int test = (int) out[4];
        assertEquals(counted, r.queries(), "reported total = images the model answered");
        assertEquals((long) (q + 1) * train * epochs, r.trainingQueries());
        assertEquals((long) train * epochs, r.mappingQueries(), "ILM: one pass over the training split per epoch");
        int samples = snaps.get(0).samples().size();
        long testPasses = r.bestEpoch() == epochs ? 1 : 2; // a second test pass with the best-validation state
        assertEquals(val * epochs + test * testPasses + (long) samples * snaps.size(), r.evaluationQueries());
        assertEquals(r.queries(), r.trainingQueries() + r.mappingQueries() + r.evaluationQueries());
    }

    /**
     * The live view's engine budget: a snapshot every millisecond still recomputes the sample gallery
     * (a forward pass, counted as queries) at most once a second mid-epoch, and always at epoch end;
     * the counted queries include exactly the refreshes that happened.
     */
    @Test
    void midEpochSnapshotsRefreshTheSampleGalleryAtMostOnceASecond() {
        int epochs = 2;
        RunSpec cfg = config("pad", "ilm", "blackbox", epochs, 10).with(Settings.QUERY_DIRECTIONS, 2)
                .with(Settings.SMOOTHING, 0.1)
                .with(Settings.BATCH_SIZE, 4).with(Settings.LR, 0.05).with(Settings.SEED, 0L);
        List<TrainingSnapshot> snaps = new CopyOnWriteArrayList<>();
        List<Long> received = new CopyOnWriteArrayList<>();
        Object[] out = trainCounted(cfg, new TrainingListener() {
            @Override
            public void onSnapshot(TrainingSnapshot s) {
                snaps.add(s);
                received.add(System.nanoTime());
            }
        }, 1);
        TrainingResult r = (TrainingResult) out[0];
        int fresh = 0;
        long lastFresh = Long.MIN_VALUE;
        for (int i = 0; i < snaps.size(); i++) {
            TrainingSnapshot s = snaps.get(i);
            boolean reused = i > 0 && s.samples().get(0) == snaps.get(i - 1).samples().get(0);
            if (s.epochEnd()) {
                assertFalse(reused, "an epoch-end snapshot shows that epoch's samples");
            } else if (!reused && i > 0) {
                assertTrue(received.get(i) - lastFresh >= 900_000_000L, "mid-epoch gallery refreshed after "
                        + (received.get(i) - lastFresh) / 1e6 + " ms");
            }
            if (!reused) {
                fresh++;
                lastFresh = received.get(i);
            }
        }
        assertTrue(snaps.size() > fresh, snaps.size() + " snapshots, " + fresh + " gallery refreshes");
        int samples = snaps.get(0).samples().size();
        long testPasses = r.bestEpoch() == epochs ? 1 : 2;
        int val = (int) out[3];
        int test = (int) out[4];
        assertEquals(val * epochs + test * testPasses + (long) samples * fresh, r.evaluationQueries());
        assertEquals((long) out[1], r.queries());
    }

    @Test
    void theLearnedScaleChangesStaysInBoundsAndIsRecordedPerEpoch() {
        RunSpec cfg = config("scale", "ilm", "whitebox", 3, 20)
                .withValue(ParameterRegistry.get("program.init_scale"), 1.0).with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.2).with(Settings.SEED, 0L);
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        TrainingResult r = (TrainingResult) trainCounted(cfg, new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                epochs.add(m);
            }
        })[0];
        assertEquals(3, epochs.size());
        double max = 32.0 / 16; // inner 16 px on the 32 px canvas
        for (EpochMetrics m : epochs) {
            assertTrue(m.inputScale() >= ScaleProgram.MIN_SCALE && m.inputScale() <= max, "s = " + m.inputScale());
        }
        assertNotEquals(1.0, epochs.get(2).inputScale(), 1e-4, "s must learn");
        assertTrue(EpochMetrics.fromCsv(epochs.get(2).toCsv()).inputScale() == (float) epochs.get(2).inputScale()
                || Math.abs(EpochMetrics.fromCsv(epochs.get(2).toCsv()).inputScale() - epochs.get(2).inputScale()) < 1e-4);
        assertEquals(3, r.epochs());
    }

    @Test
    void theBestValidationEpochIsReportedWithItsOwnTestAccuracy() {
        RunSpec cfg = config("pad", "linear", "whitebox", 4, 10)
                .with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.3).with(Settings.SEED, 1L)
                .with(Settings.SCHEDULE, LearningRateSchedule.CONSTANT);
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        TrainingResult r = (TrainingResult) trainCounted(cfg, new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                epochs.add(m);
            }
        })[0];
        int best = 0;
        for (EpochMetrics m : epochs) {
            if (best == 0 || m.valAccuracy() > epochs.get(best - 1).valAccuracy()) {
                best = m.epoch();
            }
        }
        assertEquals(best, r.bestEpoch());
        assertEquals(epochs.get(best - 1).valAccuracy(), r.bestValAccuracy(), 1e-9);
        assertTrue(r.testAccuracyAtBestVal() >= 0 && r.testAccuracyAtBestVal() <= 1);
        if (best == epochs.size()) {
            assertEquals(r.testAccuracy(), r.testAccuracyAtBestVal(), 1e-12);
        }
    }

    @Test
    void methodsThatCannotWorkWithTheSourceAreRefusedWithTheFix() {
        ModelCard odd = new ModelCard("odd", new int[] {3, 30, 30}, List.of("a", "b"), null, null, "", null);
        var smm = RunSpec.defaults("x").with(Settings.PROGRAM, "smm").with(Settings.MAPPING, "linear");
        var e = assertThrows(UserInputException.class, () -> Experiment.checkMethod(smm, odd, classes(2)));
        assertTrue(e.getMessage().contains("divisible by 8") && e.getMessage().contains("Fix"), e.getMessage());
        var blmPlus = RunSpec.defaults("x").with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "blm+");
        var e2 = assertThrows(UserInputException.class, () -> Experiment.checkMethod(blmPlus, odd, classes(20)));
        assertTrue(e2.getMessage().contains("k = 3") && e2.getMessage().contains("Fix"), e2.getMessage());
        Experiment.checkMethod(blmPlus, odd, classes(10)); // k = 1 fits two source classes
    }

    /** N target class names. */
    private static List<String> classes(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
    }
}
