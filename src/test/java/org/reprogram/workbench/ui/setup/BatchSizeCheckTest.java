package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.BatchMemory;
import org.reprogram.workbench.ui.common.Fields;

/** The setup form (Start and Run baselines) refuses a batch size that cannot fit in memory, on its field. */
class BatchSizeCheckTest {

    @AfterEach
    void restore() {
        System.clearProperty("reprogram.batchMemory");
    }

    @Test
    void aBatchThatCannotFitIsAProblemOfTheBatchSizeField() {
        System.setProperty("reprogram.batchMemory", "64M");
        TargetDataset digits = TargetDatasets.open(TestPaths.digits(), 0);
        ModelCard card = new ModelCard("m", new int[] {1, 28, 28}, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8",
                "9"), new float[] {0}, new float[] {1}, "", null);
        long max = BatchMemory.maxBatch(1, 28, 28, 64L << 20);
        RunSpec base = RunSpec.demo(TestPaths.digits().toString());

        Fields tooLarge = new Fields();
        SetupChecks.modelAndData(tooLarge, base.with(Settings.BATCH_SIZE, 1000).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), card, "", digits, "");
        String problem = tooLarge.problems().getOrDefault(Settings.BATCH_SIZE.id(), "");
        assertTrue(problem.startsWith("Batch size 1000 needs at least"), problem);
        assertTrue(problem.endsWith("use at most " + max), problem);

        Fields fits = new Fields();
        SetupChecks.modelAndData(fits, base.with(Settings.BATCH_SIZE, (int) max).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), card, "", digits, "");
        assertFalse(fits.problems().containsKey(Settings.BATCH_SIZE.id()), fits.problems().toString());
        assertEquals(334, max, "64 MB / (64 x 28 x 28 x 4 bytes)");
    }
}
