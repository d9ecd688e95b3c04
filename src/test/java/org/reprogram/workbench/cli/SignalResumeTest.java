package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.spec.Settings;

/** SIGTERM ends a CLI run cleanly (child JVM): status "interrupted", a checkpoint, exit 143; resume finishes it. */
class SignalResumeTest {

    @Test
    void sigtermInterruptsWithACheckpointAndResumeFinishesTheRun(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.reprogram.workbench.Main", "train", "--target", TestPaths.digits().toString(), "--program", "pad",
                "--mapping", "flm", "--epochs", "400", "--batch-size", "32", "--shots", "5", "--seed", "2",
                "--device", "cpu", "--threads", "1", "--out", run.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("log.txt").toFile());
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!CheckpointFile.exists(run) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(CheckpointFile.exists(run), "a checkpoint after the first epoch: " + log(tmp));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(143, p.exitValue(), log(tmp));
        JsonObject result = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.RESULT)), JsonObject.class);
        assertEquals("interrupted", result.get("status").getAsString(), log(tmp));
        int epochs = result.get("epochs").getAsInt();
        assertTrue(epochs >= 1 && epochs < 400);
        assertTrue(log(tmp).contains("resume " + run), log(tmp));
        assertTrue(!Files.exists(run.resolve(RunFiles.RUNNING)));

        List<String> before = Files.readAllLines(run.resolve(RunFiles.METRICS));
        assertEquals(epochs + 1, before.size(), "header + one row per finished epoch");

        // resume in-process; to keep the test short, two epochs are left (config.json's epochs lowered)
        JsonObject cfg = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.CONFIG)), JsonObject.class);
        cfg.addProperty(Settings.EPOCHS.id(), epochs + 2);
        Files.writeString(run.resolve(RunFiles.CONFIG), Json.GSON.toJson(cfg));
        CliTest.Outcome o = CliTest.cli("resume", run.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("epoch   " + (epochs + 1) + "/" + (epochs + 2)), o.out());
        JsonObject done = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.RESULT)), JsonObject.class);
        assertEquals("completed", done.get("status").getAsString());
        assertEquals(epochs + 2, done.get("epochs").getAsInt());
        assertEquals(epochs + 3, Files.readAllLines(run.resolve(RunFiles.METRICS)).size());
    }

    private static String log(Path tmp) {
        try {
            return Files.readString(tmp.resolve("log.txt"));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
