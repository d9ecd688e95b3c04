package org.reprogram.workbench.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.BuiltinSourceModel;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.RunStatus;

/** The three baselines on the built-in model and the sample digits. */
class BaselineTest {

    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    static RunSpec config(Method kind, int epochs) {
        return RunSpec.baseline(kind, TestPaths.digits().toString()).with(Settings.EPOCHS, epochs)
                .with(Settings.DEVICE, "cpu");
    }

    static TrainingResult train(BaselineRun run) {
        TrainingResult r = new BaselineTrainer().train(run, new TrainingListener() {}, new TrainingControl());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        return r;
    }

    static List<float[]> weights(Iterable<Pair<String, Parameter>> params) {
        List<float[]> w = new ArrayList<>();
        for (Pair<String, Parameter> p : params) {
            w.add(p.getValue().getArray().toFloatArray());
        }
        return w;
    }

    @Test
    void linearProbeLearnsOnFrozenFeaturesAndLeavesTheSourceBitIdentical() {
        // measured (seed 0, 5 epochs, Adam 0.01, batch 64, all 1293 training images): test 0.9025
        try (BaselineRun run = BaselineRun.open(config(Method.LINEAR_PROBE, 5), DIGITS)) {
            LinearProbeModel model = (LinearProbeModel) run.model();
            BuiltinSourceModel source = (BuiltinSourceModel) model.source();
            List<float[]> before = weights(source.block().getParameters());
            float[] headBefore = model.headWeights();
            TrainingResult r = train(run);
            List<float[]> after = weights(source.block().getParameters());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 0f, "frozen parameter " + i + " changed");
            }
            assertFalse(java.util.Arrays.equals(headBefore, model.headWeights()), "the head must train");
            assertTrue(r.testAccuracy() > 0.8, "linear probe test accuracy " + r.testAccuracy());
            assertEquals(128 * 10 + 10, r.trainableParameters(), "only the new head D x K_t + K_t");
            assertEquals(source.parameterCount(), r.sourceParameters());
            assertEquals("linear-probe", r.method());
            assertEquals("-", r.program());
            assertEquals("linear-head", r.mapping());
            assertEquals("baseline", r.trainer());
            assertEquals(run.data().train().size(), r.trainingQueries(), "features computed once per training image");
            assertEquals(run.data().validation().size() + run.data().test().size(), r.evaluationQueries());
            assertEquals(0, r.mappingQueries());
            assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() <= 5);
            assertTrue(r.testAccuracyAtBestVal() > 0.7, "at best validation epoch: " + r.testAccuracyAtBestVal());
            assertNotNull(r.testConfusion());
            assertTrue(r.peakRssMegabytes() > 0 && r.wallSeconds() > 0 && r.imagesPerSecond() > 0);
        }
    }

    @Test
    void fineTuneTrainsEveryWeightAndNeverWritesTheShippedWeightsFile() throws Exception {
        Path file = SourceModels.builtinDir(SourceModels.DEFAULT_BUILTIN).resolve(BuiltinSourceModel.WEIGHTS_FILE);
        byte[] digest = sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        // measured (seed 0, 20 shots per class, 2 epochs, Adam 0.001): test 0.646 (3 epochs: 0.744)
        try (BaselineRun run = BaselineRun.open(config(Method.FINETUNE, 2).with(Settings.SHOTS, 20)
                .with(Settings.VAL_FRACTION, 0.1), DIGITS);
                BuiltinSourceModel shipped = (BuiltinSourceModel) SourceModels.open("builtin", Device.cpu())) {
            BuiltinBackbone net = (BuiltinBackbone) ((TrainableModel) run.model()).backbone();
            assertArrayEquals(weights(shipped.block().getParameters()).get(0),
                    weights(net.block().getParameters()).get(0), 0f, "fine-tuning starts from the shipped weights");
            TrainingResult r = train(run);
            List<float[]> tuned = weights(net.block().getParameters());
            List<float[]> original = weights(shipped.block().getParameters());
            assertFalse(java.util.Arrays.equals(original.get(0), tuned.get(0)), "the first convolution must train");
            assertTrue(r.testAccuracy() > 0.45, "fine-tune test accuracy " + r.testAccuracy());
            long classifier = 128 * 10 + 10;
            long runningStats = 2 * (16 + 32 + 64);
            assertEquals(shipped.parameterCount() - classifier - runningStats + classifier, r.trainableParameters(),
                    "every weight but the replaced classifier and BatchNorm running statistics, plus the new head");
            assertEquals(200L * 2, r.trainingQueries());
            assertEquals("finetune", r.method());
        }
        assertArrayEquals(digest, sha256(file), "weights.params must never change");
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void scratchStartsFromFreshKaimingWeightsAndLearns() {
        // measured (seed 0, 20 shots per class, 3 epochs, Adam 0.001): test 0.833
        try (BaselineRun run = BaselineRun.open(config(Method.SCRATCH, 3).with(Settings.SHOTS, 20)
                .with(Settings.VAL_FRACTION, 0.1), DIGITS);
                BuiltinSourceModel shipped = (BuiltinSourceModel) SourceModels.open("builtin", Device.cpu())) {
            BuiltinBackbone net = (BuiltinBackbone) ((TrainableModel) run.model()).backbone();
            ai.djl.nn.ParameterList fresh = net.block().getParameters();
            List<float[]> pretrained = weights(shipped.block().getParameters());
            int convs = 0;
            for (int i = 0; i < fresh.size(); i++) {
                Parameter p = fresh.get(i).getValue();
                float[] w = p.getArray().toFloatArray();
                switch (p.getType()) {
                    case WEIGHT -> {
                        assertFalse(java.util.Arrays.equals(pretrained.get(i), w), "weight " + i + " is not the shipped one");
                        long[] s = p.getArray().getShape().getShape();
                        long fanIn = s.length == 4 ? s[1] * s[2] * s[3] : s[1];
                        double expected = Math.sqrt(2.0 / fanIn);
                        assertEquals(expected, std(w), 0.15 * expected, "Kaiming std of " + fresh.get(i).getKey());
                        convs += s.length == 4 ? 1 : 0;
                    }
                    case BIAS, BETA, RUNNING_MEAN -> assertTrue(allEqual(w, 0f), fresh.get(i).getKey());
                    case GAMMA, RUNNING_VAR -> assertTrue(allEqual(w, 1f), fresh.get(i).getKey());
                    default -> { }
                }
            }
            assertEquals(3, convs);
            TrainingResult r = train(run);
            assertTrue(r.testAccuracy() > 0.5, "scratch test accuracy " + r.testAccuracy());
            assertTrue(r.message().contains("fresh weights"), r.message());
            assertEquals("scratch", r.method());
        }
    }

    @Test
    void splitsAndCanvasesAreExactlyThoseOfAReprogrammingRun() {
        RunSpec b = config(Method.LINEAR_PROBE, 1).with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.01)
                .with(Settings.SEED, 3L).with(Settings.SHOTS, 15).with(Settings.VAL_FRACTION, 0.2);
        RunSpec t = RunSpec.defaults(b.data().target()).with(Settings.PROGRAM, "full").with(Settings.MAPPING, "linear")
                .with(Settings.EPOCHS, 1).with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.01).with(Settings.SEED, 3L)
                .with(Settings.SHOTS, 15).with(Settings.VAL_FRACTION, 0.2).with(Settings.DEVICE, "cpu");
        try (Experiment exp = Experiment.open(t, DIGITS)) {
            BaselineData data = BaselineData.split(DIGITS, exp.source().card(), b);
            assertArrayEquals(exp.validationIndices(), data.validationIndices());
            assertArrayEquals(exp.train().labels(), data.train().labels());
            assertEquals(exp.train().size(), data.train().size());
            for (int i = 0; i < exp.train().size(); i++) {
                assertArrayEquals(exp.train().canvas(i), data.train().item(i), 0f);
            }
            for (int i = 0; i < exp.validation().size(); i++) {
                assertArrayEquals(exp.validation().canvas(i), data.validation().item(i), 0f);
            }
            for (int i = 0; i < exp.test().size(); i++) {
                assertArrayEquals(exp.test().canvas(i), data.test().item(i), 0f);
            }
            assertEquals(exp.placement(), data.placement());
        }
    }

    @Test
    void configProblemsAndKindsAreClear() {
        assertEquals(Method.LINEAR_PROBE, Method.parseBaseline("linear-probe"));
        assertEquals(Method.FINETUNE, Method.parseBaseline("FINETUNE"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Method.parseBaseline("probe"));
        assertTrue(bad.getMessage().contains("linear-probe, finetune, scratch"), bad.getMessage());
        assertEquals(0.01, RunSpec.baseline(Method.LINEAR_PROBE, "x").optimization().lr());
        assertEquals(0.001, RunSpec.baseline(Method.SCRATCH, "x").optimization().lr());
        // no method chosen, no target, and every number out of range
        RunSpec wrong = RunSpec.baseline(Method.FINETUNE, "").withMethod(null).with(Settings.EPOCHS, 0)
                .with(Settings.BATCH_SIZE, 0).with(Settings.LR, -1.0).with(Settings.SHOTS, -1)
                .with(Settings.VAL_FRACTION, 0.95).with(Settings.DEVICE, "tpu");
        assertEquals(8, wrong.problems().size(), wrong.problems().toString());
        assertTrue(wrong.problems().stream().anyMatch(p -> Settings.METHOD.id().equals(p.parameterId())),
                wrong.problems().toString());
        UserInputException e = assertThrows(UserInputException.class, () -> BaselineRun.open(wrong, DIGITS));
        assertTrue(e.getMessage().contains("--epochs") && e.getMessage().contains(Settings.METHOD.parameter().option()),
                e.getMessage());
    }

    static boolean allEqual(float[] a, float v) {
        for (float x : a) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    static double std(float[] a) {
        double m = 0;
        for (float x : a) {
            m += x;
        }
        m /= a.length;
        double s = 0;
        for (float x : a) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / a.length);
    }

    static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
