package org.reprogram.workbench.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.DatasetFixtures;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.run.Baselines;
import org.reprogram.workbench.core.run.ComparisonTable;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.RunStatus;

/** Baselines.run writes the run folder that the Runs list and compare read, and honours stop and cancel. */
class BaselineRunFolderTest {

    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    /** Records every callback. */
    static final class Recording implements TrainingListener {
        final List<Object> events = new CopyOnWriteArrayList<>();
        final TrainingControl control;
        final String onEpoch;

        Recording(TrainingControl control, String onEpoch) {
            this.control = control;
            this.onEpoch = onEpoch;
        }

        @Override
        public void onStart(RunInfo info) {
            events.add(info);
        }

        @Override
        public void onSnapshot(TrainingSnapshot s) {
            events.add(s);
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            events.add(m);
            if ("stop".equals(onEpoch)) {
                control.requestStop();
            } else if ("cancel".equals(onEpoch)) {
                control.cancel();
            }
        }

        @Override
        public void onFinish(TrainingResult r) {
            events.add(r);
        }

        long count(Class<?> type) {
            return events.stream().filter(type::isInstance).count();
        }
    }

    @Test
    void baselineRunFolderIsListedReadBackAndCompared(@TempDir Path tmp) throws Exception {
        RunStore store = new RunStore(tmp);
        RunSpec cfg = BaselineTest.config(Method.LINEAR_PROBE, 2).with(Settings.SHOTS, 10)
                .with(Settings.VAL_FRACTION, 0.1);
        TrainingControl control = new TrainingControl();
        Recording rec = new Recording(control, null);
        Path[] dir = new Path[1];
        TrainingResult r = Baselines.run(cfg, DIGITS, () -> dir[0] = store.newRunDir(cfg), rec, control);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertTrue(dir[0].getFileName().toString().contains("-linear-probe-digits"), dir[0].toString());
        assertTrue(rec.events.get(0) instanceof RunInfo, "onStart first");
        assertEquals(2, rec.count(EpochMetrics.class));
        assertEquals(0, rec.count(TrainingSnapshot.class), "no snapshots for baselines");
        assertTrue(rec.events.get(rec.events.size() - 1) instanceof TrainingResult, "onFinish last");
        RunInfo info = (RunInfo) rec.events.get(0);
        assertEquals(1290, info.trainableParameters());
        assertEquals(100, info.trainSize());

        JsonObject config = Json.GSON.fromJson(Files.readString(dir[0].resolve(RunFiles.CONFIG)), JsonObject.class);
        assertEquals("linear-probe", config.get("method").getAsString());
        assertEquals(3, Files.readAllLines(dir[0].resolve(RunFiles.METRICS)).size(), "header + 2 epochs");
        assertTrue(Files.exists(dir[0].resolve(RunFiles.INFO)));
        assertFalse(Files.exists(dir[0].resolve(RunFiles.HISTORY)));

        List<RunRecord> runs = store.list();
        assertEquals(1, runs.size(), "the baseline run appears in the Runs list");
        RunRecord run = runs.get(0);
        assertEquals(cfg, run.config());
        assertEquals("linear-probe", run.method());
        assertEquals("-", run.program());
        assertEquals("linear-head", run.mapping());
        assertEquals("baseline", run.trainer());
        assertEquals(cfg.data().target(), run.config().data().target(),
                "the reprogramming view keeps source, target and splits");
        assertEquals(10, run.config().data().shots());
        assertEquals(r.testAccuracy(), run.result().testAccuracy());
        assertEquals("linear-probe", run.result().method());
        assertEquals(2, run.metrics().size());
        assertTrue(RunStore.load(dir[0], true).history().isEmpty());

        ComparisonTable.Row row = ComparisonTable.of(runs).rows().get(0);
        assertEquals("linear-probe", row.method());
        assertEquals(r.testAccuracy(), row.testAccuracy());
        assertEquals(r.testAccuracyAtBestVal(), row.testAccuracyAtBestVal());
        assertEquals(1290L, row.trainableParameters());
        assertEquals(r.trainingQueries(), row.trainingQueries());
    }

    @Test
    void stopFinishesAfterTheEpochAndCancelAbortsWithoutTestEvaluation(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 3, 10, 8, false);
        TargetDataset small = TargetDatasets.open(data, 0);
        RunSpec cfg = BaselineTest.config(Method.FINETUNE, 4).with(Settings.SHOTS, 0).with(Settings.VAL_FRACTION, 0.2);
        TrainingControl stop = new TrainingControl();
        Recording stopped = new Recording(stop, "stop");
        TrainingResult s = Baselines.run(cfg, small, () -> tmp.resolve("stopped"), stopped, stop);
        assertEquals(RunStatus.STOPPED, s.status());
        assertEquals(1, s.epochs());
        assertTrue(s.testAccuracy() >= 0 && s.testAccuracy() <= 1, "a stopped run is evaluated on test");

        TrainingControl cancel = new TrainingControl();
        TrainingResult c = Baselines.run(cfg, small, () -> tmp.resolve("cancelled"), new Recording(cancel, "cancel"),
                cancel);
        assertEquals(RunStatus.CANCELLED, c.status());
        assertTrue(Double.isNaN(c.testAccuracy()));
        RunRecord rec = RunStore.load(tmp.resolve("cancelled"), false);
        assertEquals("cancelled", rec.status());
        assertNull(rec.result().testConfusion());
    }
}
