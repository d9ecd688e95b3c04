package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.RunStatus;

/** End to end: the teaching-demo preset on the shipped digits, through the run folder. */
class TeachingDemoTest {

    /** Measured 0.85 on this preset (README); the floor leaves room for platform differences. */
    private static final double ACCURACY_FLOOR = 0.75;

    @Test
    void demoPresetLearnsTheDigitsAndSavesAReplayableRun(@TempDir Path runs) throws Exception {
        RunSpec cfg = RunSpec.demo(TestPaths.digits().toString()).with(Settings.DEVICE, "cpu");
        RunStore store = new RunStore(runs);
        Path dir = store.newRunDir(cfg);
        TrainingResult r = RunLauncher.run(cfg, null, dir, new TrainingListener() {}, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertTrue(r.testAccuracy() >= ACCURACY_FLOOR, "test accuracy " + r.testAccuracy());
        assertEquals(1024 - 100, r.trainableParameters(), "frame around a 10x10 window");
        RunRecord rec = store.list().get(0);
        assertEquals("completed", rec.status());
        assertEquals(RunSpec.DEMO_EPOCHS, rec.metrics().size());
        RunRecord full = RunStore.load(dir, true);
        assertEquals(RunSpec.DEMO_EPOCHS + 1, full.history().size());
        assertTrue(full.metrics().get(RunSpec.DEMO_EPOCHS - 1).valAccuracy() > full.metrics().get(0).valAccuracy(),
                "validation accuracy improves over the run");
    }
}
