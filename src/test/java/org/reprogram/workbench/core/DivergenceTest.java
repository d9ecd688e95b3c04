package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.Trainer;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;

/** An absurd learning rate is said, per epoch, in words that name the fix; a sane one is not. */
class DivergenceTest {

    private static List<EpochMetrics> train(double lr) {
        TargetDataset digits = TargetDatasets.open(TestPaths.digits(), 0);
        RunSpec cfg = RunSpec.defaults(TestPaths.digits().toString())
                .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear").with(Settings.EPOCHS, 2)
                .with(Settings.DEVICE, "cpu").with(Settings.BATCH_SIZE, 32).with(Settings.LR, lr)
                .with(Settings.SEED, 0L).with(Settings.SHOTS, 10).with(Settings.VAL_FRACTION, 0.1);
        List<EpochMetrics> epochs = new ArrayList<>();
        try (Experiment exp = Experiment.open(cfg, digits)) {
            Trainer.forConfig(cfg, 0).train(exp, new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics m) {
                    epochs.add(m);
                }
            }, new TrainingControl());
        }
        return epochs;
    }

    @Test
    void aDivergingRunIsSaidAndASaneOneIsNot() {
        List<EpochMetrics> absurd = train(100000);
        EpochMetrics first = absurd.get(0);
        assertTrue(first.warning() != null && first.warning().startsWith("diverging: the training loss")
                && first.warning().contains("Lower the learning rate (now 100000)"), String.valueOf(first.warning()));
        for (EpochMetrics m : train(0.01)) {
            assertTrue(m.warning() == null || !m.warning().contains("diverging"), m.warning());
        }
    }
}
