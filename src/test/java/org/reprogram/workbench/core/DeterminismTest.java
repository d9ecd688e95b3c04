package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.baseline.BaselineRun;
import org.reprogram.workbench.core.baseline.BaselineTrainer;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.WhiteBoxTrainer;
import org.reprogram.workbench.core.train.RunStatus;

/**
 * The same seed gives bit-identical numbers twice in a row, for every program and every baseline
 * on a small TorchScript CNN, even when garbage is collected (and freed native blocks reused) in
 * the middle of the second run's steps: what made the same {@code train} command disagree with
 * itself from epoch 1 on (issue 17, item 0).
 */
class DeterminismTest {

    private static final String MODEL = TestPaths.fixtures().resolve("torchscript/tiny_cnn_features.pt").toString();

    /** A 5-class colour target (the fixture has 5 classes, so one-to-one mappings work). */
    private static TargetDataset target(Path dir) throws Exception {
        return TargetDatasets.open(DatasetFixtures.imageFolder(dir, 5, 10, 12, true), 0);
    }

    /** Passes through, but collects garbage and reuses freed native blocks inside every training forward pass. */
    private static final class Churning extends DelegatingSourceModel {
        Churning(SourceModel delegate) {
            super(delegate);
        }

        @Override
        public NDArray logits(NDArray pixels) {
            NDArray out = super.logits(pixels);
            // inside a training step's GradientCollector: after the program's and model's forward, before the backward
            if (ai.djl.pytorch.jni.JniUtils.isGradMode()) {
                NativeChurn.churn();
            }
            return out;
        }
    }

    /** Every epoch's numbers, the test numbers and the learned program of one run, as text that must match exactly. */
    private static List<String> reprogram(RunSpec cfg, TargetDataset data, boolean churn) {
        SourceModel source = SourceModels.open(cfg.source(), Device.cpu());
        try (Experiment exp = Experiment.open(cfg, data, churn ? new Churning(source) : source)) {
            List<String> out = new ArrayList<>();
            TrainingResult r = new WhiteBoxTrainer(0).train(exp, recorder(out), new TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            out.add("test " + r.testAccuracy() + " " + r.testLoss() + " " + r.testAccuracyAtBestVal());
            out.add("program " + java.util.Arrays.hashCode(exp.program().weights()));
            out.add("mapping " + java.util.Arrays.deepHashCode(exp.mapping().weights()));
            return out;
        }
    }

    private static TrainingListener recorder(List<String> out) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                out.add(m.epoch() + ": " + m.trainLoss() + " " + m.trainAccuracy() + " " + m.valLoss() + " "
                        + m.valAccuracy() + " " + m.inputScale());
            }
        };
    }

    @Test
    void everyProgramGivesBitIdenticalNumbersTwiceInARow(@TempDir Path dir) throws Exception {
        TargetDataset data = target(dir);
        Object[][] methods = {
            {"pad", "ilm"}, {"full", "linear"},
            {"scale", "ilm"}, {"smm", "ilm"}};
        for (Object[] m : methods) {
            RunSpec cfg = RunSpec.defaults(data.location().toString()).withSource(MODEL)
                    .with(Settings.PROGRAM, (String) m[0]).with(Settings.MAPPING, (String) m[1])
                    .with(Settings.EPOCHS, 2).with(Settings.BATCH_SIZE, 16).with(Settings.LR, 0.05)
                    .with(Settings.SEED, 3L).with(Settings.DEVICE, "cpu");
            List<String> first = reprogram(cfg, data, false);
            List<String> second = reprogram(cfg, data, true);
            assertEquals(first, second, m[0] + " + " + m[1] + ": the same seed gave different numbers");
        }
    }

    /** Every epoch's numbers and the test numbers of one baseline run; CHURN collects garbage all along. */
    private static List<String> baseline(RunSpec cfg, TargetDataset data, boolean churn) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread storm = new Thread(() -> {
            while (churn && !done.get()) {
                NativeChurn.churn();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-storm");
        storm.start();
        try (BaselineRun run = BaselineRun.open(cfg, data)) {
            List<String> out = new ArrayList<>();
            TrainingResult r = new BaselineTrainer().train(run, recorder(out), new TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            out.add("test " + r.testAccuracy() + " " + r.testLoss() + " " + r.testAccuracyAtBestVal());
            return out;
        } finally {
            done.set(true);
            storm.join();
        }
    }

    @Test
    void everyBaselineGivesBitIdenticalNumbersTwiceInARow(@TempDir Path dir) throws Exception {
        TargetDataset data = target(dir);
        for (Method kind : List.of(Method.LINEAR_PROBE, Method.FINETUNE, Method.SCRATCH)) {
            RunSpec cfg = RunSpec.baseline(kind, data.location().toString()).withSource(MODEL)
                    .with(Settings.EPOCHS, 2).with(Settings.BATCH_SIZE, 16)
                    .with(Settings.LR, Settings.LR.defaultFor(kind)).with(Settings.SEED, 3L).with(Settings.DEVICE, "cpu");
            List<String> first = baseline(cfg, data, false);
            List<String> second = baseline(cfg, data, true);
            assertEquals(first, second, kind + ": the same seed gave different numbers");
        }
    }
}
