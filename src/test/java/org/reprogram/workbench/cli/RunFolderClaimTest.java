package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunFolderLock;
import org.reprogram.workbench.core.spec.Settings;

/**
 * Issue 17 item 2: one writer per run folder. A folder claimed by another process (an OS lock
 * held for the whole run) is refused by train, baseline and resume with one error line, and
 * nothing in it changes; the claim ends with its process, also a killed one.
 */
class RunFolderClaimTest {

    static String[] tinyTrain(Path out, int epochs, int seed) {
        return new String[] {"train", "--target", TestPaths.digits().toString(), "--program", "pad", "--mapping", "flm",
            "--epochs", Integer.toString(epochs), "--batch-size", "64", "--shots", "5", "--seed", Integer.toString(seed),
            "--device", "cpu", "--threads", "1", "--out", out.toString()};
    }

    private static Process holder(Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ClaimHolder.class.getName(), dir.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertEquals("claimed", line, "the holder claimed " + dir);
        return p;
    }

    private static String oneError(CliTest.Outcome o) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> lines = o.err().lines().filter(l -> !l.isBlank() && !l.startsWith("[W")).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("Fix:"), o.err());
        return lines.get(0);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName() + ":" + size(p)).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aClaimedFolderIsRefusedByTrainBaselineAndResumeAndLeftAsItWas(@TempDir Path tmp) throws Exception {
        Path fresh = tmp.resolve("fresh");
        Process p = holder(fresh);
        try {
            String line = oneError(CliTest.cli(tinyTrain(fresh, 1, 1)));
            assertTrue(line.contains(fresh.toString()) && line.contains("in use by another process"), line);
            line = oneError(CliTest.cli("baseline", "--kind", "linear-probe", "--target", TestPaths.digits().toString(),
                    "--epochs", "1", "--shots", "5", "--out", fresh.toString()));
            assertTrue(line.contains("in use by another process"), line);
            assertEquals(List.of(RunFolderLock.NAME + ":" + size(fresh.resolve(RunFolderLock.NAME))), listing(fresh),
                    "nothing but the holder's lock file");
        } finally {
            p.destroyForcibly().waitFor(); // a killed holder: the kernel drops its lock
        }

        Path run = tmp.resolve("run");
        assertEquals(0, CliTest.cli(tinyTrain(run, 1, 1)).code());
        makeResumable(run, 2);
        Process q = holder(run);
        List<String> before = listing(run);
        try {
            String line = oneError(CliTest.cli("resume", run.toString(), "--threads", "1"));
            assertTrue(line.contains(run.toString()) && line.contains("in use by another process"), line);
            assertTrue(before.contains(RunFolderLock.NAME + ":" + size(run.resolve(RunFolderLock.NAME))), before.toString());
            assertEquals(before, listing(run), "the run folder is untouched");
        } finally {
            q.getOutputStream().close(); // the holder ends normally
            assertTrue(q.waitFor(30, TimeUnit.SECONDS));
        }
        CliTest.Outcome o = CliTest.cli("resume", run.toString(), "--threads", "1");
        assertEquals(0, o.code(), "free again once the holder ended: " + o.out() + o.err());
        assertFalse(Files.exists(run.resolve(RunFolderLock.NAME)), "the claim's lock file goes with it");
    }

    @Test
    void twoTrainsIntoOneFolderStartedTogether_oneRunsTheOtherIsRefused(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.reprogram.workbench.Main");
        pb.command().addAll(List.of(tinyTrain(run, 2, 7)));
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("child.log").toFile());
        Process child = pb.start();
        CliTest.Outcome here;
        try {
            Thread.sleep(500);
            here = CliTest.cli(tinyTrain(run, 2, 8));
            assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        String childLog = Files.readString(tmp.resolve("child.log"));
        assertTrue(here.code() == 0 ^ child.exitValue() == 0, "exactly one of the two ran: here " + here.code() + " "
                + here.err() + ", child " + child.exitValue() + " " + childLog);
        int winnerSeed = here.code() == 0 ? 8 : 7;
        String loser = here.code() == 0 ? childLog : here.err();
        assertTrue(loser.contains("in use by another process") || loser.contains("already holds a saved run"), loser);
        JsonObject cfg = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.CONFIG)), JsonObject.class);
        JsonObject result = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.RESULT)), JsonObject.class);
        assertEquals(winnerSeed, cfg.get("seed").getAsInt(), "config of the winner");
        assertEquals(winnerSeed, result.get("seed").getAsInt(), "result of the winner");
        assertEquals(List.of("1", "2"), Files.readAllLines(run.resolve(RunFiles.METRICS)).stream().skip(1)
                .map(l -> l.split(",")[0]).toList(), "one row per epoch, from one run");
    }

    /** Turns a completed run into one interrupted after its last epoch of EPOCHS (as SignalResumeTest does). */
    static void makeResumable(Path run, int epochs) throws IOException {
        JsonObject cfg = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.CONFIG)), JsonObject.class);
        cfg.addProperty(Settings.EPOCHS.id(), epochs);
        Files.writeString(run.resolve(RunFiles.CONFIG), Json.GSON.toJson(cfg));
        Files.delete(run.resolve(RunFiles.RESULT));
    }
}
