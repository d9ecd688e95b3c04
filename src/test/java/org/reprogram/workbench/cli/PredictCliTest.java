package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.cli.CliTest.Outcome;
import org.reprogram.workbench.core.TestPaths;

/** {@code predict} and {@code export} as a user runs them: output lines, CSV, exit codes and errors. */
class PredictCliTest {

    private static final Path BUNDLE = TestPaths.fixtures().resolve("bundle/pad-ilm.zip");
    private static final Path IMAGES = TestPaths.fixtures().resolve("bundle/images");

    /** Exit 2 and exactly one "error:" line mentioning every MUSTMENTION, no stack trace. */
    private static void assertOneError(Outcome o, String... mustMention) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), o.err());
        for (String m : mustMention) {
            assertTrue(errors.get(0).contains(m), "'" + m + "' missing in: " + o.err());
        }
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    void unreadableImagesGetOneErrorLineEachAndExitTwo(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mixed"));
        Files.copy(IMAGES.resolve("digit0.png"), dir.resolve("1-good.png"));
        Files.writeString(dir.resolve("2-broken.png"), "not an image");
        Files.copy(IMAGES.resolve("rgba_9x9.png"), dir.resolve("3-good.png"));
        Files.write(dir.resolve("4-empty.gif"), new byte[0]);
        Path csv = tmp.resolve("out.csv");
        Outcome o = CliTest.cli("predict", BUNDLE.toString(), dir.toString(), "--top", "2", "--csv", csv.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(2, errors.size(), o.err());
        assertTrue(errors.get(0).startsWith("error: " + dir.resolve("2-broken.png") + ": "), errors.get(0));
        assertTrue(errors.get(1).startsWith("error: " + dir.resolve("4-empty.gif") + ": "), errors.get(1));
        List<String> predicted = o.out().lines().filter(l -> l.contains("  source: ")).toList();
        assertEquals(2, predicted.size(), o.out());
        assertTrue(predicted.get(0).startsWith(dir.resolve("1-good.png") + "  "), predicted.get(0));
        assertTrue(predicted.get(0).matches(".*  \\d \\(0\\.\\d{3}\\), \\d \\(0\\.\\d{3}\\)  source: \\w \\(#\\d, 0\\.\\d{3}\\)"),
                predicted.get(0));
        assertTrue(o.out().contains("predicted 2 of 4 images with pad-ilm, best state (epoch 3)"), o.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size(), "header and one row per image, failed ones included");
        assertTrue(rows.get(0).startsWith("file,target_class,probability,target_class_2,probability_2,source_index"));
        assertTrue(rows.get(2).contains("2-broken.png") && rows.get(2).contains("not a readable"), rows.get(2));
    }

    @Test
    void aFifoIsRefusedNotReadForever(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("fifo.png");
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        Path inFolder = dir.resolve("0-fifo.png");
        for (Path f : List.of(fifo, inFolder)) {
            Process mk = new ProcessBuilder("mkfifo", f.toString()).inheritIO().start();
            assertEquals(0, mk.waitFor(), "mkfifo " + f);
        }
        Files.copy(IMAGES.resolve("digit0.png"), dir.resolve("1-good.png"));
        // reading a FIFO without a writer blocks for ever: the command must not even open it
        Outcome o = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> CliTest.cli("predict", BUNDLE.toString(), fifo.toString(), dir.toString()));
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(List.of("error: " + fifo + ": is not a regular file (a FIFO, device or socket). Fix: give image"
                + " files or a folder of them"), errors, "one error for the named FIFO; the one in the folder is"
                + " skipped like any non-image file");
        assertFalse(o.err().contains("\tat "), o.err());
        assertTrue(o.out().contains("predicted 1 of 2 images"), o.out());
    }

    @Test
    void exportThenPredictReportsTheRunsTestAccuracy(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("digits4");
        for (String split : List.of("train", "test")) {
            for (int d = 0; d < 4; d++) {
                Path to = Files.createDirectories(data.resolve(split).resolve(Integer.toString(d)));
                try (var files = Files.list(TestPaths.digits().resolve(split).resolve(Integer.toString(d)))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, to.resolve(f.getFileName()));
                    }
                }
            }
        }
        Path run = tmp.resolve("run");
        Outcome train = CliTest.cli("train", "--source", TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt").toString(),
                "--target", data.toString(), "--program", "full", "--mapping", "flm", "--epochs", "2", "--shots", "10",
                "--device", "cpu", "--out", run.toString());
        assertEquals(0, train.code(), train.out() + train.err());
        Path bundle = tmp.resolve("run.zip");
        Outcome export = CliTest.cli("export", run.toString(), "--out", bundle.toString());
        assertEquals(0, export.code(), export.out() + export.err());
        assertTrue(export.out().startsWith("exported run (best state (epoch "), export.out());

        Outcome fromRun = CliTest.cli("predict", run.toString(), data.resolve("test").toString());
        Outcome fromBundle = CliTest.cli("predict", bundle.toString(), data.resolve("test").toString());
        assertEquals(0, fromBundle.code(), fromBundle.err());
        assertEquals(fromRun.out(), fromBundle.out(), "the same lines from the run folder and from the bundle");
        String accuracy = line(fromBundle.out(), "accuracy ").replaceFirst("accuracy (\\S+) .*", "$1");
        String recorded = line(fromBundle.out(), "the run's recorded test accuracy with this state: ")
                .replaceFirst(".*: ", "");
        assertEquals(recorded, accuracy, fromBundle.out());

        assertOneError(CliTest.cli("export", run.toString(), "--out", bundle.toString()), "already exists", "--force");
        assertEquals(0, CliTest.cli("export", run.toString(), "--out", bundle.toString(), "--force").code());
        assertOneError(CliTest.cli("predict", bundle.toString(), IMAGES.toString(), "--state", "last"),
                "unknown state 'last'", "best or final");
        assertOneError(CliTest.cli("predict", bundle.toString(), IMAGES.toString(), "--top", "0"), "--top 0");
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    @Test
    void modelsThatCannotBeUsedGetOneErrorLine(@TempDir Path tmp) throws Exception {
        byte[] good = Files.readAllBytes(BUNDLE);
        Path tampered = tmp.resolve("tampered.zip");
        Files.write(tampered, good);
        try (var fs = java.nio.file.FileSystems.newFileSystem(tampered)) {
            Path npy = fs.getPath("state/mapping.npy");
            byte[] b = Files.readAllBytes(npy);
            b[b.length - 1] ^= 1;
            Files.write(npy, b);
        }
        assertOneError(CliTest.cli("predict", tampered.toString(), IMAGES.toString()), tampered.toString(),
                "state/mapping.npy does not match its SHA-256 checksum", "Fix: export the bundle again");
        Path unfinished = Files.createDirectories(tmp.resolve("unfinished"));
        try (var fs = java.nio.file.FileSystems.newFileSystem(BUNDLE)) {
            Files.copy(fs.getPath("config.json"), unfinished.resolve("config.json"));
        }
        assertOneError(CliTest.cli("predict", unfinished.toString(), IMAGES.toString()), "has no finished state");
        assertOneError(CliTest.cli("export", unfinished.toString(), "--out", tmp.resolve("x.zip").toString()),
                "has no finished state");
        assertFalse(Files.exists(tmp.resolve("x.zip")));
    }

    @Test
    void helpListsPredictAndExport() {
        Outcome o = CliTest.cli("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("predict") && o.out().contains("export"), o.out());
        Outcome p = CliTest.cli("predict", "--help");
        assertTrue(p.out().contains("--top") && p.out().contains("--csv") && p.out().contains("RUN_DIR|BUNDLE"), p.out());
    }
}
