package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunFiles;

/**
 * Threads are one of a run's settings (float sums are split by thread, issue 17 item 22): resume
 * without --threads continues with the thread count the run recorded, not this machine's default,
 * so that the resumed epochs compute what the uninterrupted run would have; --threads overrides.
 */
class ResumeThreadsTest {

    private static String device(Path run) throws Exception {
        return Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.RESULT)), JsonObject.class).get("device")
                .getAsString();
    }

    private static Path trainedWithOneThread(Path run) throws Exception {
        CliTest.Outcome o = CliTest.cli("train", "--target", TestPaths.digits().toString(), "--epochs", "1",
                "--batch-size", "256", "--seed", "3", "--threads", "1", "--out", run.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertEquals("cpu, 1 thread", device(run));
        RunFolderClaimTest.makeResumable(run, 2);
        return run;
    }

    @Test
    void resumeUsesTheRecordedThreadsUnlessToldOtherwise(@TempDir Path tmp) throws Exception {
        Path run = trainedWithOneThread(tmp.resolve("run"));
        CliTest.Outcome o = CliTest.cli("resume", run.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertEquals("cpu, 1 thread", device(run), "as recorded, not this machine's default");
        assertTrue(o.out().contains("threads: 1 (as the run recorded"), o.out());

        if (Runtime.getRuntime().availableProcessors() >= 2) {
            Path other = trainedWithOneThread(tmp.resolve("other"));
            CliTest.Outcome two = CliTest.cli("resume", other.toString(), "--threads", "2");
            assertEquals(0, two.code(), two.out() + two.err());
            assertEquals("cpu, 2 threads", device(other), "--threads overrides");
        }
    }
}
