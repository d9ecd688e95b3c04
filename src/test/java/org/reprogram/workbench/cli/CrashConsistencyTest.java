package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.FaultPoints;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunStore;

/**
 * A run killed (the JVM halted, as by kill -9) at each named point of its save path leaves a
 * folder that is either complete or resumable to the result of the uninterrupted run, never
 * half-written. Each point halts a child JVM ({@link FaultPoints}); the runs are tiny (50 training
 * images, one batch per epoch, 2 epochs) and start together.
 */
class CrashConsistencyTest {

    /** The points in the order a run reaches them; the run halted at the last one had written everything. */
    static final List<String> POINTS = List.of("after-final-checkpoint", "before-rename:program.png",
            "before-running-removal", "before-rename:result.json", "after-result-rename");

    static Process child(Path log, String faultPoint, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + FaultPoints.PROPERTY + "=" + faultPoint, "-cp", System.getProperty("java.class.path"),
                "org.reprogram.workbench.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    static String[] tinyTrain(Path out) {
        return new String[] {"train", "--target", TestPaths.digits().toString(), "--program", "pad", "--mapping", "flm",
            "--epochs", "2", "--batch-size", "64", "--shots", "5", "--seed", "3", "--device", "cpu", "--threads", "1",
            "--out", out.toString()};
    }

    @Test
    void aRunHaltedAtAnyPointOfItsSavePathIsCompleteOrResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        Map<String, Process> children = new LinkedHashMap<>();
        for (String point : POINTS) {
            children.put(point, child(tmp.resolve(name(point) + ".log"), point, tinyTrain(tmp.resolve(name(point)))));
        }
        for (Map.Entry<String, Process> c : children.entrySet()) {
            try {
                assertTrue(c.getValue().waitFor(120, TimeUnit.SECONDS), c.getKey());
            } finally {
                c.getValue().destroyForcibly();
            }
            assertEquals(FaultPoints.HALT_STATUS, c.getValue().exitValue(), "halted at " + c.getKey() + ": "
                    + log(tmp, c.getKey()));
        }
        // halted after result.json's rename: everything the run writes is there, so this is the uninterrupted result
        Path complete = tmp.resolve(name("after-result-rename"));
        assertComplete(complete);
        JsonObject reference = result(complete);
        assertEquals("completed", reference.get("status").getAsString());

        for (String point : POINTS.subList(0, POINTS.size() - 1)) {
            Path run = tmp.resolve(name(point));
            assertFalse(Files.exists(run.resolve(RunFiles.RESULT)), point + ": no result.json before its rename");
            assertTrue(CheckpointFile.exists(run), point);
            assertEquals("interrupted", RunStore.load(run, false).status(), point + ": listed as resumable");
            assertTrue(RunStore.load(run, false).isResumable(), point);
            CliTest.Outcome o = CliTest.cli("resume", run.toString(), "--threads", "1");
            assertEquals(0, o.code(), point + ": " + o.out() + o.err());
            assertComplete(run);
            JsonObject resumed = result(run);
            for (String key : List.of("status", "testAccuracy", "testLoss", "bestValAccuracy", "epochs", "queries",
                    "trainingQueries", "mappingQueries", "evaluationQueries", "testAccuracyAtBestVal", "bestEpoch",
                    "testConfusion")) {
                assertEquals(reference.get(key), resumed.get(key), point + ": " + key + " as in the uninterrupted run");
            }
            assertEquals(Files.readString(complete.resolve(RunFiles.METRICS)).lines().map(l -> l.split(",")[1]).toList(),
                    Files.readString(run.resolve(RunFiles.METRICS)).lines().map(l -> l.split(",")[1]).toList(),
                    point + ": the same epochs' losses");
            assertEquals(Files.readString(complete.resolve(RunFiles.MAPPING_CSV)),
                    Files.readString(run.resolve(RunFiles.MAPPING_CSV)), point);
        }
    }

    /** The run's end files are all there, with no marker of a live run and no temporary file. */
    static void assertComplete(Path run) throws IOException {
        for (String f : List.of(RunFiles.RESULT, RunFiles.PROGRAM_PNG, RunFiles.MAPPING_CSV, RunFiles.MAPPING_JSON,
                RunFiles.METRICS, RunFiles.CONFIG, RunFiles.INFO)) {
            assertTrue(Files.isRegularFile(run.resolve(f)), run + " has " + f);
        }
        assertFalse(Files.exists(run.resolve(RunFiles.RUNNING)), run + ": no RUNNING once result.json is there");
        try (Stream<Path> s = Files.list(run)) {
            List<String> hidden = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertTrue(hidden.stream().noneMatch(n -> n.endsWith(".tmp")), run + ": no temporary files: " + hidden);
        }
    }

    static JsonObject result(Path run) throws IOException {
        return Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.RESULT)), JsonObject.class);
    }

    private static String name(String point) {
        return point.replace(':', '-');
    }

    private static String log(Path tmp, String point) {
        try {
            return Files.readString(tmp.resolve(name(point) + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
