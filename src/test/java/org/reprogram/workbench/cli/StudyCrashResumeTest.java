package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.FaultPoints;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.TrialRecord;

/**
 * A study's driver killed (the JVM halted as by kill -9) at named points, and once by a real
 * SIGKILL at an arbitrary moment, then {@code study resume}: the study finishes, trials that had
 * come back are not run again (their files are byte-identical), a trial paused at a rung and killed
 * between the two renames of its replacement continues from its checkpoint, and the leaderboard
 * has each trial once. The drivers run in child JVMs, Spark in local mode.
 */
class StudyCrashResumeTest {

    @TempDir
    Path tmp;

    private Path spec(String name, boolean halving) throws Exception {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, """
                name: %s
                method: grid
                base:
                  source: builtin
                  data.target: %s
                  data.shots: 5
                  optimization.epochs: 2
                  optimization.batch_size: 64
                parameters:
                  mapping:
                    values: [flm, ilm]
                seeds: [0, 1]
                %s""".formatted(name, TestPaths.digits(), halving
                ? "early_terminate:\n  type: hyperband\n  min_iter: 1\n  eta: 2\n" : ""));
        return f;
    }

    private static Process driver(Path log, String faultPoint, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(StudyProcesses.JVM_FLAGS);
        if (faultPoint != null) {
            cmd.add("-D" + FaultPoints.PROPERTY + "=" + faultPoint);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.reprogram.workbench.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int finish(Process p, Path log) throws Exception {
        try {
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), "driver did not end: " + Files.readString(log));
        } finally {
            p.destroyForcibly();
        }
        return p.exitValue();
    }

    private static Map<String, String> placed(Path dir) throws Exception {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(dir.resolve(StudyFolder.SPEC))) {
            return out; // the driver has not created the folder yet
        }
        for (TrialRecord s : StudyFolder.open(dir).trialStates()) {
            if (s.run() != null) {
                out.put(s.trial().id(), Files.readString(dir.resolve("runs").resolve(s.trial().id()).resolve(RunFiles.RESULT)));
            }
        }
        return out;
    }

    private void resumeAndCheck(Path dir, Map<String, String> before, String name) throws Exception {
        Path log = tmp.resolve(name + "-resume.log");
        assertEquals(0, finish(driver(log, null, "study", "resume", dir.toString()), log), Files.readString(log));
        StudyFolder folder = StudyFolder.open(dir);
        List<TrialRecord> states = folder.trialStates();
        assertEquals(4, states.size());
        states.forEach(s -> assertTrue(s.completed() || s.paused() || !s.ended(), s.toString()));
        before.forEach((id, result) -> {
            try {
                String now = Files.readString(dir.resolve("runs").resolve(id).resolve(RunFiles.RESULT));
                if (result.contains("\"completed\"")) {
                    assertEquals(result, now, "trial " + id + " came back before the kill: not run again");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> csv = Files.readAllLines(dir.resolve("report").resolve("leaderboard.csv"));
        String log2 = Files.readString(log);
        for (String id : before.keySet()) {
            if (before.get(id).contains("\"completed\"")) {
                assertTrue(!log2.contains("trial " + id + " "), "trial " + id + " ran again:\n" + log2);
            }
        }
        assertTrue(csv.size() >= 2, csv.toString());
    }

    @Test
    void aDriverHaltedAfterTrialsCameBackResumesWithoutRerunningThem() throws Exception {
        Path dir = tmp.resolve("halted");
        Path log = tmp.resolve("halted.log");
        int code = finish(driver(log, "study-after-place:2", "study", "run", spec("halted", false).toString(), "--out",
                dir.toString(), "--parallel", "1"), log);
        assertEquals(FaultPoints.HALT_STATUS, code, Files.readString(log));
        Map<String, String> before = placed(dir);
        assertEquals(2, before.size(), before.keySet().toString());
        Path status = tmp.resolve("status.log");
        assertEquals(0, finish(driver(status, null, "study", "status", dir.toString()), status));
        assertTrue(Files.readString(status).contains("2 completed, 2 not started"), Files.readString(status));
        resumeAndCheck(dir, before, "halted");
    }

    @Test
    void aDriverHaltedBetweenTheRenamesOfAPromotedTrialResumesFromItsCheckpoint() throws Exception {
        Path dir = tmp.resolve("renames");
        Path log = tmp.resolve("renames.log");
        int code = finish(driver(log, "between-folder-renames", "study", "run", spec("renames", true).toString(), "--out",
                dir.toString(), "--parallel", "2"), log);
        assertEquals(FaultPoints.HALT_STATUS, code, Files.readString(log));
        // the promoted trial's folder is aside (.ID.old-*): the next driver puts it back and continues it
        Map<String, String> before = placed(dir);
        resumeAndCheck(dir, before, "renames");
        StudyFolder folder = StudyFolder.open(dir);
        long completed = folder.trialStates().stream().filter(TrialRecord::completed).count();
        assertEquals(2, completed); // one configuration of two goes on: its two seeds
        folder.trialStates().stream().filter(TrialRecord::completed)
                .forEach(s -> assertEquals(2, s.run().metrics().size(), s.trial().id()));
    }

    @Test
    void aDriverKilledWithSigkillMidStudyResumes() throws Exception {
        Path dir = tmp.resolve("killed");
        Path log = tmp.resolve("killed.log");
        Process p = driver(log, null, "study", "run", spec("killed", false).toString(), "--out", dir.toString(),
                "--parallel", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (p.isAlive() && System.nanoTime() < deadline && placed(dir).isEmpty()) {
            Thread.sleep(100);
        }
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        p.waitFor(30, TimeUnit.SECONDS);
        Map<String, String> before = placed(dir);
        assertTrue(!before.isEmpty() && before.size() < 4, before.keySet() + "\n" + Files.readString(log));
        resumeAndCheck(dir, before, "killed");
    }
}
