package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.BuiltinSourceModel;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.Losses;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.WhiteBoxTrainer;
import org.reprogram.workbench.core.train.RunStatus;

/** Training-level checks on the built-in model and the sample digits. */
class EngineTest {

    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    private static RunSpec config(String p, String m, int epochs) {
        return RunSpec.defaults(TestPaths.digits().toString()).with(Settings.PROGRAM, p).with(Settings.MAPPING, m)
                .with(Settings.EPOCHS, epochs).with(Settings.DEVICE, "cpu");
    }

    private static List<float[]> frozenWeights(BuiltinSourceModel model) {
        List<float[]> w = new ArrayList<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            w.add(p.getValue().getArray().toFloatArray());
        }
        return w;
    }

    @Test
    void sourceWeightsAndBatchNormStatisticsAreBitIdenticalAfterTraining() {
        try (Experiment exp = Experiment.open(config("pad", "linear", 1), DIGITS)) {
            BuiltinSourceModel model = (BuiltinSourceModel) exp.source();
            List<float[]> before = frozenWeights(model);
            float[] programBefore = exp.program().weights();
            TrainingResult r = new WhiteBoxTrainer(0).train(exp, new TrainingListener() {}, new TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            List<float[]> after = frozenWeights(model);
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 0f, "frozen parameter " + i + " changed");
            }
            assertFalse(java.util.Arrays.equals(programBefore, exp.program().weights()), "the program must train");
        }
    }

    @Test
    void programGradientMatchesFiniteDifferences() {
        try (Experiment exp = Experiment.open(config("pad", "random", 1), DIGITS)) {
            float[] w = exp.program().weights();
            java.util.Random rnd = new java.util.Random(3);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (0.3 * rnd.nextGaussian());
            }
            exp.program().loadWeights(w);
            int n = 32;
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            NDArray weight = exp.program().parameters().get(0);
            float[] grad;
            try (NDManager scope = exp.manager().newSubManager()) {
                weight.tempAttach(scope);
                NDArray x = exp.train().batch(scope, idx, 0, n, new org.reprogram.workbench.core.train.BatchBuffer(n, 1024));
                NDArray y = scope.create(exp.train().labels(idx, 0, n));
                try (GradientCollector gc = scope.getEngine().newGradientCollector()) {
                    gc.backward(loss(exp, x, y));
                }
                grad = weight.getGradient().toFloatArray();
                // directional derivative along the normalised gradient equals |g|
                double norm = 0;
                for (float g : grad) {
                    norm += g * g;
                }
                norm = Math.sqrt(norm);
                assertTrue(norm > 1e-4, "gradient vanished: " + norm);
                double eps = 1e-2;
                float[] plus = w.clone();
                float[] minus = w.clone();
                for (int i = 0; i < w.length; i++) {
                    plus[i] += (float) (eps * grad[i] / norm);
                    minus[i] -= (float) (eps * grad[i] / norm);
                }
                double fd = (lossAt(exp, plus, x, y) - lossAt(exp, minus, x, y)) / (2 * eps);
                assertEquals(norm, fd, 0.02 * norm, "directional derivative");
                // the three largest single coordinates
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < grad.length; i++) {
                    order.add(i);
                }
                final float[] g = grad;
                order.sort((a, b) -> Float.compare(Math.abs(g[b]), Math.abs(g[a])));
                for (int k = 0; k < 3; k++) {
                    int i = order.get(k);
                    float[] p = w.clone();
                    float[] q = w.clone();
                    p[i] += 0.05f;
                    q[i] -= 0.05f;
                    double fdi = (lossAt(exp, p, x, y) - lossAt(exp, q, x, y)) / 0.1;
                    assertEquals(grad[i], fdi, 0.1 * Math.abs(grad[i]) + 1e-5, "coordinate " + i);
                }
                // inside the target window the gradient is exactly zero
                int centre = 16 * 32 + 16;
                assertEquals(0f, grad[centre], 0f);
            }
        }
    }

    private static NDArray loss(Experiment exp, NDArray x, NDArray y) {
        return Losses.crossEntropy(exp.mapping().apply(exp.source().logits(exp.program().apply(x))), y);
    }

    private static double lossAt(Experiment exp, float[] weights, NDArray x, NDArray y) {
        exp.program().loadWeights(weights);
        return loss(exp, x, y).getFloat();
    }

    @Test
    void blackBoxTrainerCountsQueriesLearnsAndNeverTouchesTheWindow() {
        RunSpec base = config("pad", "ilm", 3);
        RunSpec cfg = TestSpecs.programAndMapping(base, "pad", 10, "random")
                .with(Settings.TRAINER, TrainerKind.BLACKBOX)
                .with(Settings.EPOCHS, 4).with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05)
                .with(Settings.SCHEDULE, LearningRateSchedule.CONSTANT).with(Settings.SHOTS, 50)
                .with(Settings.QUERY_DIRECTIONS, 10).with(Settings.SMOOTHING, 0.05)
                .withValue(ParameterRegistry.get("program.frame"), FrameActivation.TANH)
                .withValue(ParameterRegistry.get("program.init_scale"), 1.5);
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        try (Experiment exp = Experiment.open(cfg, DIGITS)) {
            TrainingResult r = org.reprogram.workbench.core.train.Trainer.forConfig(cfg, 0).train(exp,
                    new TrainingListener() {
                        @Override
                        public void onEpoch(EpochMetrics m) {
                            epochs.add(m);
                        }
                    }, new TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            assertEquals("blackbox", r.trainer());
            int n = exp.train().size();
            assertEquals(500, n, "50 shots x 10 classes");
            assertEquals(4L * n * (10 + 1), r.trainingQueries(), "q + 1 queries per image per step");
            float[] w = exp.program().weights();
            int centre = 16 * 32 + 16;
            assertEquals(0f, w[centre], 0f, "directions are masked: the window weights never move");
            assertTrue(java.util.Arrays.stream(new int[] {0, 1, 33}).anyMatch(i -> w[i] != 0f), "the frame moves");
            assertTrue(epochs.get(3).trainLoss() < epochs.get(0).trainLoss(),
                    "zeroth-order training lowers the loss: " + epochs);
        }
    }

    @Test
    void trainerEmitsSnapshotsWithPlainArraysAndHonoursCancel() {
        List<TrainingSnapshot> snaps = new CopyOnWriteArrayList<>();
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        TrainingControl control = new TrainingControl();
        try (Experiment exp = Experiment.open(config("pad", "ilm", 3), DIGITS)) {
            TrainingResult r = new WhiteBoxTrainer(1).train(exp, new TrainingListener() {
                @Override
                public void onSnapshot(TrainingSnapshot s) {
                    snaps.add(s);
                }

                @Override
                public void onEpoch(EpochMetrics m) {
                    epochs.add(m);
                    control.cancel();
                }
            }, control);
            assertEquals(RunStatus.CANCELLED, r.status());
            assertEquals(1, epochs.size(), "cancel after the first epoch stops before the second");
            assertTrue(Double.isNaN(r.testAccuracy()));
        }
        TrainingSnapshot first = snaps.get(0);
        assertEquals(0, first.epoch());
        assertEquals(1024, first.perturbation().length);
        assertEquals(10, first.mappingWeights().length);
        assertEquals(10, first.samples().size(), "one sample per target class");
        assertEquals(1024, first.samples().get(0).programmed().length);
        assertTrue(snaps.size() > 3, "snapshots at the configured rate: " + snaps.size());
        TrainingSnapshot end = snaps.stream().filter(TrainingSnapshot::epochEnd).findFirst().orElseThrow();
        assertNotNull(end.confusion());
        assertNotNull(end.metrics());
    }

    @Test
    void mappingWithMoreTargetClassesThanSourceClassesIsAClearError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path data = DatasetFixtures.imageFolder(dir, 12, 3, 8, false);
        TargetDataset ds = TargetDatasets.open(data, 0);
        UserInputException e = assertThrows(UserInputException.class,
                () -> Experiment.open(config("pad", "flm", 1).with(Settings.TARGET, data.toString()), ds));
        assertTrue(e.getMessage().contains("12 classes") && e.getMessage().contains("--mapping linear"), e.getMessage());
        UserInputException invalid = assertThrows(UserInputException.class,
                () -> Experiment.open(config("pad", "linear", 0), ds));
        assertTrue(invalid.getMessage().contains("--epochs"), "the loaded-dataset path validates too: " + invalid.getMessage());
        try (Experiment exp = Experiment.open(config("pad", "linear", 1)
                .with(Settings.TARGET, data.toString()), ds)) {
            assertEquals(12, exp.mapping().targetClasses());
        }
    }
}
