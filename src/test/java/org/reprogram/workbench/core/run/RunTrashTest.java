package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.RunSpec;

/** Delete moves a run folder into RUNS/.trash in one rename; undo moves it back; a training run stays. */
class RunTrashTest {

    private static final RunSpec CFG = RunSpec.defaults("digits");

    @Test
    void deleteMovesTheWholeFolderToTheTrashAndRestoreBringsItBack(@TempDir Path runs) throws Exception {
        Path run = RecordedRuns.reprogram(runs.resolve("20260101-000000-pad-ilm-digits"), CFG, 2, 0.8, true, true);
        Path other = RecordedRuns.reprogram(runs.resolve("20260102-000000-pad-ilm-digits"), CFG, 2, 0.7, true, true);
        byte[] metrics = Files.readAllBytes(run.resolve(RunFiles.METRICS));
        byte[] program = Files.readAllBytes(run.resolve(RunFiles.PROGRAM_PNG));
        RunStore store = new RunStore(runs);
        RunTrash trash = new RunTrash(runs);

        RunTrash.Trashed t = trash.delete(run);
        assertFalse(Files.exists(run), "moved, not copied");
        assertEquals(runs.resolve(".trash").resolve(run.getFileName()), t.trashed());
        assertArrayEquals(metrics, Files.readAllBytes(t.trashed().resolve(RunFiles.METRICS)));
        assertEquals(List.of(other.getFileName().toString()), store.list().stream().map(RunRecord::name).toList(),
                "the runs list skips the trash");

        assertEquals(run.toAbsolutePath(), trash.restore(t).toAbsolutePath());
        assertTrue(Files.isDirectory(run));
        assertFalse(Files.exists(t.trashed()));
        assertArrayEquals(metrics, Files.readAllBytes(run.resolve(RunFiles.METRICS)));
        assertArrayEquals(program, Files.readAllBytes(run.resolve(RunFiles.PROGRAM_PNG)));
        assertEquals(2, store.list().size());
        assertEquals("completed", RunStore.load(run, false).status());
    }

    @Test
    void aFolderClaimedByAnotherThreadIsRefusedAndStaysEvenWithoutARunningMarker(@TempDir Path runs) throws Exception {
        // a run folder whose writer has claimed it but not (yet, or any more) written RUNNING:
        // e.g. resume finishing the end files, a baseline recording, or a claim before the first epoch
        Path run = RecordedRuns.reprogram(runs.resolve("20260101-000000-pad-ilm-digits"), CFG, 2, 0.8, true, true);
        assertFalse(Files.exists(run.resolve(RunFiles.RUNNING)));
        java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (RunFolderLock claim = RunFolderLock.claim(run, false)) {
                claimed.countDown();
                release.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertTrue(claimed.await(10, java.util.concurrent.TimeUnit.SECONDS));
        try {
            UserInputException e = assertThrows(UserInputException.class, () -> new RunTrash(runs).delete(run));
            assertTrue(e.getMessage().startsWith(run.toString()) && e.getMessage().contains("is still training")
                    && e.getMessage().contains("Fix: "), e.getMessage());
            assertTrue(Files.exists(run.resolve(RunFiles.METRICS)), "nothing moved");
            assertFalse(Files.exists(runs.resolve(RunTrash.FOLDER).resolve(run.getFileName())));
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        RunTrash.Trashed t = new RunTrash(runs).delete(run);
        assertTrue(Files.isDirectory(t.trashed()));
        assertFalse(Files.exists(t.trashed().resolve(RunFolderLock.NAME)), "no lock file left in the trash");
        assertEquals(run.toAbsolutePath(), new RunTrash(runs).restore(t).toAbsolutePath());
        try (RunFolderLock again = RunFolderLock.claim(run, false)) {
            assertEquals(run.toAbsolutePath().normalize(), again.dir(), "a restored run can be claimed again");
        }
    }

    @Test
    void aRunThatIsStillTrainingIsRefusedAndStays(@TempDir Path runs) throws Exception {
        // recorded without an end: the RUNNING marker names this (live) process
        Path live = RecordedRuns.reprogram(runs.resolve("20260101-000000-pad-ilm-digits"), CFG, 1, 0.5, false, true);
        assertEquals("running", RunStore.load(live, false).status());
        UserInputException e = assertThrows(UserInputException.class, () -> new RunTrash(runs).delete(live));
        assertTrue(e.getMessage().contains("is still training") && e.getMessage().contains("Fix: stop the run"),
                e.getMessage());
        assertTrue(Files.exists(live.resolve(RunFiles.METRICS)), "nothing moved");
        assertFalse(Files.exists(runs.resolve(RunTrash.FOLDER).resolve(live.getFileName())));

        Files.writeString(live.resolve(RunFiles.RUNNING), "999999999"); // its process has ended: interrupted
        RunTrash.Trashed t = new RunTrash(runs).delete(live);
        assertTrue(Files.isDirectory(t.trashed()));
    }

    @Test
    void aNameTakenInTheTrashGetsASuffixAndRestoreNeverOverwrites(@TempDir Path runs) throws Exception {
        RunTrash trash = new RunTrash(runs);
        Path run = RecordedRuns.reprogram(runs.resolve("r"), CFG, 1, 0.5, true, true);
        RunTrash.Trashed first = trash.delete(run);
        RecordedRuns.reprogram(runs.resolve("r"), CFG, 2, 0.6, true, true);
        RunTrash.Trashed second = trash.delete(run);
        assertEquals(runs.resolve(".trash").resolve("r-2"), second.trashed());
        assertTrue(Files.isDirectory(first.trashed()), "the first one is still there");

        trash.restore(second);
        UserInputException e = assertThrows(UserInputException.class, () -> trash.restore(first));
        assertTrue(e.getMessage().contains("exists again"), e.getMessage());
        assertEquals(2, RunStore.load(run, false).metrics().size(), "the restored run was not overwritten");
        assertTrue(Files.isDirectory(first.trashed()));
    }

    @Test
    void onlyRunFoldersDirectlyInTheRunsFolderCanBeDeleted(@TempDir Path runs, @TempDir Path elsewhere)
            throws Exception {
        RunTrash trash = new RunTrash(runs);
        Path outside = RecordedRuns.reprogram(elsewhere.resolve("x"), CFG, 1, 0.5, true, true);
        assertThrows(UserInputException.class, () -> trash.delete(outside));
        assertTrue(Files.isDirectory(outside));
        Files.createDirectories(trash.folder());
        assertThrows(UserInputException.class, () -> trash.delete(trash.folder()), "not the trash itself");
        assertThrows(UserInputException.class, () -> trash.delete(runs.resolve("missing")));
    }
}
