package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingCheckpoint;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.RunStatus;

/**
 * A run stopped after an epoch and resumed from its checkpoint ends where the uninterrupted run
 * ends. Tolerance: the same test accuracy and validation curve, program and mapping equal to
 * 1e-5 (both runs use the same ops in the same order on CPU; observed bit-identical).
 */
class ResumeTest {

    private static RunSpec config(String trainer, String mapping, int epochs) {
        return RunSpec.defaults(TestPaths.digits().toString())
                .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, mapping).with(Settings.EPOCHS, epochs)
                .with(Settings.DEVICE, "cpu")
                .with(Settings.TRAINER, "blackbox".equals(trainer) ? TrainerKind.BLACKBOX : TrainerKind.WHITEBOX)
                .with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05).with(Settings.SEED, 3L)
                .with(Settings.SHOTS, 6).with(Settings.VAL_FRACTION, 0.2)
                .with(Settings.QUERY_DIRECTIONS, 2).with(Settings.SMOOTHING, 0.05);
    }

    /** Interrupts the run (as a signal would) once epoch STOPAFTER has ended. */
    private static TrainingListener stopAfter(int stopAfter, TrainingControl control) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                if (m.epoch() == stopAfter) {
                    control.interrupt();
                }
            }
        };
    }

    private static void assertResumedEqualsUninterrupted(RunSpec cfg, int stopAfter, Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        TrainingResult a = RunLauncher.run(cfg, null, whole, new TrainingListener() {}, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, a.status(), a.message());

        Path cut = tmp.resolve("cut");
        TrainingControl control = new TrainingControl();
        TrainingResult interrupted = RunLauncher.run(cfg, null, cut, stopAfter(stopAfter, control), control, 0);
        assertEquals(RunStatus.INTERRUPTED, interrupted.status(), interrupted.message());
        assertEquals(stopAfter, interrupted.epochs());
        RunRecord stopped = RunStore.load(cut, false);
        assertEquals("interrupted", stopped.status());
        assertTrue(stopped.isResumable());
        assertEquals(stopAfter, CheckpointFile.read(cut).epoch());

        TrainingResult b = RunLauncher.resume(cut, null, new TrainingListener() {}, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, b.status(), b.message());
        assertEquals(a.testAccuracy(), b.testAccuracy(), 0.0, "same test accuracy");
        assertEquals(a.bestValAccuracy(), b.bestValAccuracy(), 0.0);
        assertEquals(a.bestEpoch(), b.bestEpoch());
        assertEquals(a.testAccuracyAtBestVal(), b.testAccuracyAtBestVal(), 0.0);
        assertEquals(a.queries(), b.queries(), "query counts continue as in the uninterrupted run (the resumed run's"
                + " first live preview is not counted again)");
        assertEquals(a.evaluationQueries(), b.evaluationQueries());
        TrainingCheckpoint ca = CheckpointFile.read(whole);
        TrainingCheckpoint cb = CheckpointFile.read(cut);
        assertArrayEquals(ca.current().program(), cb.current().program(), 1e-5f);
        assertArrayEquals(ca.current().mapping(), cb.current().mapping(), 1e-5f);
        List<EpochMetrics> ma = RunStore.load(whole, false).metrics();
        List<EpochMetrics> mb = RunStore.load(cut, false).metrics();
        assertEquals(cfg.optimization().epochs(), mb.size(), "one metrics row per epoch, none twice");
        for (int i = 0; i < ma.size(); i++) {
            assertEquals(i + 1, mb.get(i).epoch());
            assertEquals(ma.get(i).valAccuracy(), mb.get(i).valAccuracy(), 0.0, "val accuracy of epoch " + (i + 1));
        }
        assertEquals(cfg.optimization().epochs() + 1, RunStore.load(cut, true).history().size(),
                "epoch 0 + one snapshot per epoch");
        assertTrue(!Files.exists(cut.resolve(RunFiles.RUNNING)), "no running marker after the end");
    }

    @Test
    void whiteBoxIlmRunResumedAfterEpochTwoOfThreeEndsLikeTheUninterruptedRun(@TempDir Path tmp) throws Exception {
        assertResumedEqualsUninterrupted(config("whitebox", "ilm", 3), 2, tmp);
    }

    @Test
    void blackBoxRunResumedEndsLikeTheUninterruptedRun(@TempDir Path tmp) throws Exception {
        assertResumedEqualsUninterrupted(config("blackbox", "flm", 2), 1, tmp);
    }

    @Test
    void visionLanguageTextIlmRunResumedAfterEpochOneOfTwoEndsLikeTheUninterruptedRun(@TempDir Path tmp)
            throws Exception {
        assertResumedEqualsUninterrupted(VisionLanguageSpecs.config("text-ilm", 2), 1, tmp);
        TrainingResult a = RunStore.load(tmp.resolve("whole"), false).result();
        TrainingResult b = RunStore.load(tmp.resolve("cut"), false).result();
        assertTrue(a.zeroShot() != null && b.zeroShot() != null, "a vision-language run records its zero-shot figure");
        assertEquals(a.zeroShot().testAccuracy(), b.zeroShot().testAccuracy(), 0.0);
        assertEquals(Files.readString(tmp.resolve("whole").resolve(RunFiles.PROMPTS)),
                Files.readString(tmp.resolve("cut").resolve(RunFiles.PROMPTS)), "the same prompts and embeddings");
    }

    @Test
    void aVisionLanguageRunResumesOnlyWithThePromptsItStartedWith(@TempDir Path tmp) throws Exception {
        Path descriptions = tmp.resolve("descriptions.json");
        RunSpec cfg = VisionLanguageSpecs.descriptions(descriptions, 2);
        Path run = tmp.resolve("run");
        TrainingControl control = new TrainingControl();
        RunLauncher.run(cfg, null, run, stopAfter(1, control), control, 0);
        String original = Files.readString(descriptions);
        Files.writeString(descriptions, original.replace("a dark coat.", "a long coat."));
        UserInputException e = assertThrows(UserInputException.class,
                () -> RunLauncher.resume(run, null, new TrainingListener() {}, new TrainingControl(), 0));
        assertTrue(e.getMessage().startsWith(run.resolve(RunFiles.PROMPTS) + ": holds other prompts")
                && e.getMessage().contains("was 'a dark coat.', now 'a long coat.'"), e.getMessage());
        Files.writeString(descriptions, original);
        TrainingResult r = RunLauncher.resume(run, null, new TrainingListener() {}, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
    }

    @Test
    void linesWrittenAfterTheCheckpointAndATornLineAreDroppedOnResume(@TempDir Path tmp) throws Exception {
        RunSpec cfg = config("whitebox", "linear", 3);
        Path run = tmp.resolve("run");
        TrainingControl control = new TrainingControl();
        RunLauncher.run(cfg, null, run, stopAfter(1, control), control, 0);
        // a crash after epoch 2's metrics line but before its checkpoint, and a torn history line
        Files.writeString(run.resolve(RunFiles.METRICS), "2,1.0,0.5,1.0,0.5,0.05,100.0,1.000,0,NaN\n",
                StandardOpenOption.APPEND);
        Files.writeString(run.resolve(RunFiles.HISTORY), "{\"epoch\":2,\"step\":9,\"epochEnd\":tr", StandardOpenOption.APPEND);
        Files.delete(run.resolve(RunFiles.RESULT)); // killed: no result.json
        assertEquals("interrupted", RunStore.load(run, false).status(), "killed with a checkpoint: resumable");
        TrainingResult r = RunLauncher.resume(run, null, new TrainingListener() {}, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, r.status());
        List<EpochMetrics> m = RunStore.load(run, false).metrics();
        assertEquals(List.of(1, 2, 3), m.stream().map(EpochMetrics::epoch).toList());
        assertEquals(4, RunStore.load(run, true).history().size());
    }

    @Test
    void runsThatCannotBeResumedSaySo(@TempDir Path tmp) throws Exception {
        RunSpec cfg = config("whitebox", "flm", 1);
        Path done = tmp.resolve("done");
        RunLauncher.run(cfg, null, done, new TrainingListener() {}, new TrainingControl(), 0);
        UserInputException e = assertThrows(UserInputException.class,
                () -> RunLauncher.resume(done, null, new TrainingListener() {}, new TrainingControl(), 0));
        assertTrue(e.getMessage().contains("already ended (completed)"), e.getMessage());

        Path early = tmp.resolve("early");
        Files.createDirectories(early);
        Files.copy(done.resolve(RunFiles.CONFIG), early.resolve(RunFiles.CONFIG));
        e = assertThrows(UserInputException.class,
                () -> RunLauncher.resume(early, null, new TrainingListener() {}, new TrainingControl(), 0));
        assertTrue(e.getMessage().contains("has no checkpoint.bin"), e.getMessage());
        assertEquals("incomplete", RunStore.load(early, false).status());
    }
}
