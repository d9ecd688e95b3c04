package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.RunStatus;

/**
 * The headline figure's confusion matrix: the final test evaluation keeps its [true][predicted]
 * counts in the result (result.json), consistent with the test accuracy.
 */
class TestConfusionTest {

    @Test
    void testConfusionSumsToTheTestSetAndItsDiagonalIsTheTestAccuracy(@TempDir Path runs) throws Exception {
        RunSpec cfg = RunSpec.defaults(TestPaths.digits().toString())
                .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "ilm").with(Settings.EPOCHS, 1)
                .with(Settings.DEVICE, "cpu").with(Settings.SHOTS, 10)
                .with(Settings.VAL_FRACTION, 0.2); // 100 training images: the test split stays whole
        List<RunInfo> started = new ArrayList<>();
        Path dir = new RunStore(runs).newRunDir(cfg);
        TrainingResult r = RunLauncher.run(cfg, null, dir, new TrainingListener() {
            @Override
            public void onStart(RunInfo info) {
                started.add(info);
            }
        }, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        int[][] m = r.testConfusion();
        assertNotNull(m, "the final test evaluation keeps its confusion matrix");
        assertEquals(10, m.length);
        int total = 0;
        int diagonal = 0;
        for (int t = 0; t < m.length; t++) {
            assertEquals(10, m[t].length);
            for (int p = 0; p < m[t].length; p++) {
                total += m[t][p];
                diagonal += t == p ? m[t][p] : 0;
            }
        }
        int testSize = started.get(0).testSize();
        assertTrue(testSize > 0);
        assertEquals(testSize, total, "every test image counted once");
        assertEquals(r.testAccuracy(), (double) diagonal / total, 1e-12, "diagonal / total = test accuracy");

        RunRecord saved = RunStore.load(dir, false);
        assertNotNull(saved.result().testConfusion(), "result.json keeps it");
        for (int t = 0; t < m.length; t++) {
            assertArrayEquals(m[t], saved.result().testConfusion()[t]);
        }
    }
}
