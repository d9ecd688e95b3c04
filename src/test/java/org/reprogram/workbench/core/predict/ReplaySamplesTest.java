package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.RunStatus;

/**
 * A saved run's samples, recomputed for replay, are the samples the live view showed at each
 * epoch end: same validation images, same programmed inputs, same source and target predictions.
 * smm replays the epoch of its saved state only.
 */
class ReplaySamplesTest {

    @TempDir
    static Path shared;

    private static Path digits5;

    @BeforeAll
    static void data() throws Exception {
        digits5 = SmallRuns.digits5(shared);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"pad, ilm", "full, linear", "scale, blm", "smm, flm"})
    void replayedSamplesAreTheLiveSamplesOfEachEpoch(String program, String mapping, @TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        Map<Integer, List<TrainingSnapshot.SampleView>> live = new HashMap<>();
        TrainingResult r = RunLauncher.run(SmallRuns.config(SmallRuns.TINY.toString(), digits5,
                program, mapping, "whitebox"), null, run, new TrainingListener() {
                    @Override
                    public void onSnapshot(TrainingSnapshot s) {
                        if (s.epochEnd()) {
                            live.put(s.epoch(), s.samples());
                        }
                    }
                }, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        List<TrainingSnapshot> history = RunStore.load(run, true).history();
        int compared = 0;
        try (ReplaySamples replay = ReplaySamples.open(run)) {
            assertEquals(r.epochs(), replay.stateEpoch());
            for (TrainingSnapshot epoch : history) {
                List<TrainingSnapshot.SampleView> expected = live.get(epoch.epoch());
                if (expected == null || !epoch.epochEnd()) {
                    continue;
                }
                boolean replayable = !"smm".equals(program) || epoch.epoch() == r.epochs();
                assertEquals(replayable, replay.canReplay(epoch), "epoch " + epoch.epoch());
                List<TrainingSnapshot.SampleView> got = replay.at(epoch, 0);
                if (!replayable) {
                    assertTrue(got.isEmpty());
                    continue;
                }
                assertEquals(expected.size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    TrainingSnapshot.SampleView e = expected.get(i);
                    TrainingSnapshot.SampleView g = got.get(i);
                    String where = "epoch " + epoch.epoch() + ", sample " + i;
                    assertEquals(e.index(), g.index(), where);
                    assertEquals(e.trueTarget(), g.trueTarget(), where);
                    assertEquals(e.predictedSource(), g.predictedSource(), where);
                    assertEquals(e.predictedTarget(), g.predictedTarget(), where);
                    assertArrayEquals(e.programmed(), g.programmed(), 1e-5f, where);
                    assertEquals(e.mask() == null, g.mask() == null, where);
                }
                compared++;
            }
        }
        assertTrue(compared >= ("smm".equals(program) ? 1 : r.epochs()), "epochs compared: " + compared);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pad", "scale"})
    void aRunWhoseTargetFolderShrankIsNamedWithTheFix(String program, @TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        SmallRuns.train(SmallRuns.config(SmallRuns.TINY.toString(), digits5, program,
                "ilm", "whitebox"), run);
        Path smaller = SmallRuns.digits5(tmp.resolve("copy"));
        for (int d = 0; d < 5; d++) { // one training image per class is left
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(smaller.resolve("train")
                    .resolve(Integer.toString(d)))) {
                for (Path f : files.sorted().skip(1).toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
        UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class,
                () -> ReplaySamples.open(run, org.reprogram.workbench.core.data.TargetDatasets.open(smaller, 5)).close());
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(smaller.toString()), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
