package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 5: a RUNNING marker counts only for the process that wrote it. A killed run's
 * marker whose process id now belongs to another (live) process does not block resume.
 */
class RunningMarkerTest {

    private static RunRecord run(Path dir) {
        return new RunRecord(dir, null, null, null, List.of(), List.of());
    }

    @Test
    void theMarkerNamesThisProcessWithItsStartTime(@TempDir Path dir) throws Exception {
        RunningMarker.write(dir);
        String[] parts = Files.readString(dir.resolve(RunFiles.RUNNING)).trim().split(" ");
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(parts[0]));
        assertEquals(2, parts.length, "pid and start time");
        assertTrue(run(dir).isTraining(), "this live process trains into it");
    }

    @Test
    void aReusedProcessIdOfAnotherProcessIsNotARunningRun(@TempDir Path dir) throws Exception {
        long pid = ProcessHandle.current().pid(); // alive, but started long after the "killed run" did
        long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Files.writeString(dir.resolve(RunFiles.RUNNING), pid + " " + (start - 3_600_000));
        assertFalse(run(dir).isTraining(), "the id belongs to another process now");
        assertEquals("incomplete", run(dir).status());
    }

    @Test
    void markersOfOlderVersionsHoldOnlyTheProcessId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RunFiles.RUNNING), Long.toString(ProcessHandle.current().pid()));
        assertTrue(run(dir).isTraining());
        Files.writeString(dir.resolve(RunFiles.RUNNING), "not a number");
        assertFalse(run(dir).isTraining());
    }
}
