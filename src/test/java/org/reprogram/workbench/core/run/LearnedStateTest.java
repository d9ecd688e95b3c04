package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;

/** The learned program and mapping of a run, for the side-by-side comparison. */
class LearnedStateTest {

    @Test
    void aFinishedRunShowsItsSavedPictureAndMapping(@TempDir Path tmp) throws Exception {
        Path dir = RecordedRuns.reprogram(tmp.resolve("done"), RunSpec.defaults("digits"), 3, 0.8, true, true);
        LearnedState s = LearnedState.read(RunStore.load(dir, false));
        assertArrayEquals(Files.readAllBytes(dir.resolve(RunFiles.PROGRAM_PNG)), s.programPng());
        assertEquals(-1, s.epoch(), "from the saved files");
        assertEquals(RecordedRuns.TARGETS, s.mapping().targetClasses());
        assertEquals(List.of("boot"), s.mapping().mapping().get(0).sources(), "zero <- boot (assignment {3})");
        assertEquals(List.of("trouser"), s.mapping().mapping().get(1).sources());
        assertEquals(List.of(1.0), s.mapping().mapping().get(2).weights());
    }

    @Test
    void aLearnedMappingListsTheHeaviestSourcesFirst(@TempDir Path tmp) throws Exception {
        Path dir = RecordedRuns.reprogram(tmp.resolve("linear"), RunSpec.defaults("digits"), 2, 0.8, true, false);
        LearnedMapping m = LearnedMapping.read(dir);
        assertNotNull(m);
        LearnedMapping.Entry two = m.mapping().get(2);
        assertEquals(List.of("boot", "bag", "trouser"), two.sources(), "w[s][t] = (s+1)(t+1)/10, top 3");
        assertEquals(1.2, two.weights().get(0), 1e-6);
    }

    @Test
    void aRunStillTrainingShowsItsNewestEpochFromTheHistory(@TempDir Path tmp) throws Exception {
        Path dir = RecordedRuns.reprogram(tmp.resolve("live"), RunSpec.defaults("digits"), 2, 0.8, false, false);
        Files.writeString(dir.resolve(RunFiles.HISTORY), "{\"epoch\": 3, \"pertur", StandardOpenOption.APPEND);
        RunRecord run = RunStore.load(dir, false);
        assertEquals("running", run.status());
        LearnedState s = LearnedState.read(run);
        assertEquals(2, s.epoch(), "the torn line of epoch 3 is skipped");
        assertNotNull(s.programPng());
        assertTrue(s.programPng().length > 8 && s.programPng()[1] == 'P' && s.programPng()[2] == 'N',
                "a PNG rendered from the snapshot");
        assertEquals(List.of("boot", "bag", "trouser"), s.mapping().mapping().get(0).sources());
        assertTrue(Files.notExists(dir.resolve(RunFiles.PROGRAM_PNG)), "reading writes nothing into the run");
    }

    @Test
    void baselinesAndEmptyRunsHaveNothingToShow(@TempDir Path tmp) throws Exception {
        Path probe = RecordedRuns.baseline(tmp.resolve("probe"), RunSpec.baseline(Method.LINEAR_PROBE,
                "digits"), 1, 0.5);
        assertSame(LearnedState.NONE, LearnedState.read(RunStore.load(probe, false)));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        new RunRecorder(empty, RunSpec.defaults("digits"));
        LearnedState s = LearnedState.read(RunStore.load(empty, false));
        assertTrue(s.isEmpty());
        assertNull(LearnedMapping.read(empty));
    }
}
