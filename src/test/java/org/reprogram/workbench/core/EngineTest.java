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
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.model.BuiltinSourceModel;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.Losses;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.WhiteBoxTrainer;

/** Training-level checks on the built-in model and the sample digits. */
class EngineTest {

    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    private static TrainConfig config(ProgramKind p, MappingKind m, int epochs) {
        return TrainConfig.defaults(TestPaths.digits().toString()).withProgramAndMapping(p, 0, m).withEpochs(epochs)
                .withDevice("cpu");
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
        try (Experiment exp = Experiment.open(config(ProgramKind.PAD, MappingKind.LINEAR, 1), DIGITS)) {
            BuiltinSourceModel model = (BuiltinSourceModel) exp.source();
            List<float[]> before = frozenWeights(model);
            float[] programBefore = exp.program().weights();
            TrainingResult r = new WhiteBoxTrainer(0).train(exp, new TrainingListener() {}, new TrainingControl());
            assertEquals("completed", r.status(), r.message());
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
        try (Experiment exp = Experiment.open(config(ProgramKind.PAD, MappingKind.RANDOM, 1), DIGITS)) {
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
        TrainConfig base = config(ProgramKind.PAD, MappingKind.ILM, 3);
        TrainConfig cfg = new TrainConfig(base.source(), base.target(), ProgramKind.PAD, 10, MappingKind.RANDOM, 1,
                "blackbox", 4, 32, 0.05, org.reprogram.workbench.core.train.LearningRateSchedule.CONSTANT, 0, 0, 50,
                0.1, "cpu", 10, 0.05, org.reprogram.workbench.core.program.FrameActivation.TANH, 1.5, "ce");
        List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        try (Experiment exp = Experiment.open(cfg, DIGITS)) {
            TrainingResult r = org.reprogram.workbench.core.train.Trainer.forConfig(cfg, 0).train(exp,
                    new TrainingListener() {
                        @Override
                        public void onEpoch(EpochMetrics m) {
                            epochs.add(m);
                        }
                    }, new TrainingControl());
            assertEquals("completed", r.status(), r.message());
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
        try (Experiment exp = Experiment.open(config(ProgramKind.PAD, MappingKind.ILM, 3), DIGITS)) {
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
            assertEquals("cancelled", r.status());
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
                () -> Experiment.open(config(ProgramKind.PAD, MappingKind.FLM, 1).withTarget(data.toString()), ds));
        assertTrue(e.getMessage().contains("12 classes") && e.getMessage().contains("--mapping linear"), e.getMessage());
        UserInputException invalid = assertThrows(UserInputException.class,
                () -> Experiment.open(config(ProgramKind.PAD, MappingKind.LINEAR, 0), ds));
        assertTrue(invalid.getMessage().contains("--epochs"), "the loaded-dataset path validates too: " + invalid.getMessage());
        try (Experiment exp = Experiment.open(config(ProgramKind.PAD, MappingKind.LINEAR, 1)
                .withTarget(data.toString()), ds)) {
            assertEquals(12, exp.mapping().targetClasses());
        }
    }
}
