package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/** The files of a run folder: atomic, strict JSON, readable by others, tolerant of a crash mid-line. */
class RunRecorderFilesTest {

    private static final Pattern NON_JSON = Pattern.compile("\\b(NaN|-?Infinity)\\b");

    private static EpochMetrics epoch(int e) {
        return new EpochMetrics(e, 1.0 / e, 0.5, Double.NaN, Double.NaN, 0.01, 100, e, 0, Double.NaN, null);
    }

    private static TrainingSnapshot snapshot(int e) {
        return new TrainingSnapshot(e, e * 10L, e > 0, 1, 2, 2, new float[] {0.1f, -0.2f, 0.3f, Float.NaN}, true,
                Double.NaN, new float[][] {{1, 0}, {0, 1}, {0.5f, 0.5f}}, null, List.of(), null,
                e > 0 ? epoch(e) : null, null);
    }

    /** A finished two-epoch run without validation data (--val-fraction 0), recorded into DIR. */
    static void record(Path dir) throws Exception {
        RunRecorder rec = new RunRecorder(dir, RunSpec.defaults("digits").with(Settings.BATCH_SIZE, 64)
                .with(Settings.LR, 0.01).with(Settings.SEED, 1L));
        rec.onStart(new RunInfo("builtin", List.of("a", "b", "c"), "digits", List.of("x", "y"), null, 8, 100,
                "cpu()", List.of(), 10, 0, 5, new int[0]));
        rec.onSnapshot(snapshot(0));
        for (int e = 1; e <= 2; e++) {
            long before = (Long) Files.getAttribute(dir.resolve(RunFiles.METRICS), "unix:ino");
            rec.onEpoch(epoch(e));
            assertNotEquals(before, Files.getAttribute(dir.resolve(RunFiles.METRICS), "unix:ino"),
                    "metrics.csv is replaced by a rename, never rewritten in place");
            rec.onSnapshot(snapshot(e));
        }
        rec.onFinish(TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(0.8).testLoss(0.5)
                .parameters(8, 100).wallSeconds(1.5).epochs(2).seed(1).program("pad").mapping("ilm")
                .trainer("whitebox").source("builtin").target("digits").device("cpu()").imagesPerSecond(1000)
                .peakRssMegabytes(300).build());
    }

    @Test
    void mappingCsvQuotesClassNamesWithLineBreaksAsRfc4180(@TempDir Path dir) throws Exception {
        // class names come from folder names, which may hold a carriage return or a line feed
        RunRecorder rec = new RunRecorder(dir, RunSpec.defaults("digits").with(Settings.BATCH_SIZE, 64)
                .with(Settings.LR, 0.01).with(Settings.SEED, 1L));
        rec.onStart(new RunInfo("builtin", List.of("a", "b\rc", "d"), "digits", List.of("x\ry", "z\nw"), null, 8,
                100, "cpu()", List.of(), 10, 0, 5, new int[0]));
        rec.onSnapshot(snapshot(0));
        rec.onEpoch(epoch(1));
        rec.onSnapshot(snapshot(1));
        rec.onFinish(TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(0.8).testLoss(0.5)
                .parameters(8, 100).wallSeconds(1.5).epochs(1).seed(1).program("pad").mapping("ilm")
                .trainer("whitebox").source("builtin").target("digits").device("cpu()").imagesPerSecond(1000)
                .peakRssMegabytes(300).build());
        String csv = Files.readString(dir.resolve(RunFiles.MAPPING_CSV));
        assertTrue(csv.contains(",\"x\ry\","), csv);
        assertTrue(csv.contains(",\"z\nw\","), csv);
        assertTrue(csv.contains("\"b\rc;") || csv.contains(";b\rc\"") || csv.contains(";b\rc;"), csv);
        int records = 0;
        boolean quoted = false;
        for (char c : csv.toCharArray()) {
            quoted ^= c == '"';
            records += !quoted && c == '\n' ? 1 : 0;
        }
        assertEquals(3, records, "header and two rows: " + csv);
        assertFalse(csv.replaceAll("\"[^\"]*\"", "").contains("\r"), "no bare carriage return: " + csv);
    }

    @Test
    void runFilesAreStrictJsonAndReadBackNaN(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "Linux file system");
        record(dir);
        for (String f : List.of(RunFiles.CONFIG, RunFiles.INFO, RunFiles.RESULT, RunFiles.MAPPING_JSON,
                RunFiles.HISTORY)) {
            String text = Files.readString(dir.resolve(f));
            assertFalse(NON_JSON.matcher(text).find(), f + ": " + text);
        }
        RunRecord run = RunStore.load(dir, true);
        assertEquals("completed", run.status());
        assertTrue(Double.isNaN(run.result().bestValAccuracy()));
        assertTrue(Double.isNaN(run.result().testAccuracyAtBestVal()));
        assertEquals(2, run.metrics().size());
        assertEquals(3, run.history().size(), "epoch 0 + 2 epoch ends");
        assertTrue(Double.isNaN(run.history().get(2).metrics().valAccuracy()));
        assertTrue(Double.isNaN(run.history().get(2).inputScale()));
    }

    @Test
    void aTornLastHistoryLineAfterACrashIsSkipped(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "Linux file system");
        record(dir);
        String full = Files.readAllLines(dir.resolve(RunFiles.HISTORY)).get(2);
        Files.writeString(dir.resolve(RunFiles.HISTORY), full.substring(0, full.length() / 2),
                StandardOpenOption.APPEND); // killed while writing epoch 3's line
        Files.writeString(dir.resolve(RunFiles.METRICS), "3,0.3", StandardOpenOption.APPEND);
        RunRecord run = RunStore.load(dir, true);
        assertEquals(3, run.history().size(), "the torn line is skipped, the whole ones are kept");
        assertEquals(2, run.metrics().size());
    }

    @Test
    void runFilesGetTheDefaultPermissionsForNewFiles(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "Linux file system");
        Path probe = Files.createFile(dir.resolve("probe"));
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        Path run = dir.resolve("run");
        record(run);
        List<Path> files;
        try (Stream<Path> s = Files.list(run)) {
            files = s.sorted().toList();
        }
        assertEquals(8, files.size(), files.toString());
        for (Path f : files) {
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
    }

    @Test
    void aConfigWithNaNIsStrictJsonAndReadsBack() throws Exception {
        String text = RunConfigFile.toJson(RunSpec.defaults("digits").with(Settings.BATCH_SIZE, 64)
                .with(Settings.LR, Double.NaN).with(Settings.SEED, 0L));
        assertFalse(NON_JSON.matcher(text).find(), text);
        assertTrue(text.contains("\"" + Settings.LR.id() + "\": null"), text);
        RunSpec back = RunSpecJson.fromJson(Json.GSON.fromJson(text, JsonObject.class), Path.of(RunFiles.CONFIG));
        assertTrue(Double.isNaN(back.optimization().lr()));
    }
}
