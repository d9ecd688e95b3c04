package org.reprogram.workbench.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.RunStatus;

/** The linear probe at its defaults: trained to convergence on features computed once. */
class LinearProbeConvergenceTest {

    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    @Test
    void theDefaultProbeConvergesOnFeaturesComputedOnceAndReportsIterationsAndLoss() {
        RunSpec config = RunSpec.baseline(Method.LINEAR_PROBE, TestPaths.digits().toString())
                .with(Settings.SHOTS, 30).with(Settings.VAL_FRACTION, 0.2).with(Settings.DEVICE, "cpu");
        assertEquals((int) Settings.EPOCHS.defaultFor(Method.LINEAR_PROBE), config.optimization().epochs(),
                "the default is a generous cap");
        try (BaselineRun run = BaselineRun.open(config, DIGITS)) {
            LinearProbeModel model = (LinearProbeModel) run.model();
            long before = model.featureImages();
            List<EpochMetrics> epochs = new ArrayList<>();
            TrainingResult r = new BaselineTrainer().train(run, new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics m) {
                    epochs.add(m);
                }
            }, new TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            int images = run.data().train().size() + run.data().validation().size() + run.data().test().size();
            assertEquals(images, model.featureImages() - before,
                    "every image passes through the frozen source once, whatever the number of iterations");
            assertTrue(r.epochs() > 10 && r.epochs() < config.optimization().epochs(),
                    "converged before the cap: " + r.epochs());
            assertEquals(r.epochs(), epochs.size());
            assertTrue(r.message().contains("converged after " + r.epochs() + " iterations"), r.message());
            assertTrue(r.message().contains(String.format(java.util.Locale.ROOT, "final training loss %.4f",
                    r.finalTrainLoss())), r.message());
            assertEquals(epochs.get(epochs.size() - 1).trainLoss(), r.finalTrainLoss(), 0.0);
            assertTrue(r.finalTrainLoss() < epochs.get(0).trainLoss() / 2, "the loss fell: " + r.finalTrainLoss());
            for (int i = 1; i < epochs.size(); i++) {
                assertTrue(epochs.get(i).trainLoss() <= epochs.get(i - 1).trainLoss() + 1e-3,
                        "training loss at iteration " + (i + 1));
            }
            // the head written back into the model (raw features) predicts as the fit did (scaled features)
            Samples test = model.inputs(run.data().test());
            double viaHead = new BaselineEvaluator(model, run.data().numClasses(), 64, test.itemSize())
                    .evaluate(test).accuracy();
            assertEquals(r.testAccuracy(), viaHead, 1.5 / test.size(), "at most one float-rounding tie differs");
            assertTrue(r.testAccuracy() > 0.85, "a converged probe on the sample digits: " + r.testAccuracy());
        }
    }
}
