package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.DatasetFixtures;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.TargetFingerprint;

/**
 * Issue 17 item 3: resume refuses target data that changed since the run started (images removed
 * from a class, a class folder gone) with a clear error and fix, and leaves the run as it was;
 * the same data, and runs from before the fingerprint, resume.
 */
class ResumeDataCheckTest {

    private static Path trainOneEpoch(Path data, Path run) throws Exception {
        CliTest.Outcome o = CliTest.cli("train", "--target", data.toString(), "--program", "pad", "--mapping", "flm",
                "--epochs", "1", "--batch-size", "64", "--seed", "1", "--threads", "1", "--out", run.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        RunFolderClaimTest.makeResumable(run, 2);
        return run;
    }

    private static String refused(Path run) throws Exception {
        String metrics = Files.readString(run.resolve(RunFiles.METRICS));
        CliTest.Outcome o = CliTest.cli("resume", run.toString(), "--threads", "1");
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> lines = o.err().lines().filter(l -> !l.isBlank() && !l.startsWith("[W")).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("Fix: put the target data back"),
                o.err());
        assertEquals(metrics, Files.readString(run.resolve(RunFiles.METRICS)), "the run is left as it was");
        assertTrue(!Files.exists(run.resolve(RunFiles.RESULT)));
        return lines.get(0);
    }

    @Test
    void resumeRefusesChangedDataAndContinuesOnTheSameData(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 3, 12, 16, false);
        Path run = trainOneEpoch(data, tmp.resolve("run"));
        assertTrue(Files.isRegularFile(run.resolve(TargetFingerprint.FILE)));

        Path aside = Files.createDirectories(tmp.resolve("aside"));
        for (int i = 0; i < 3; i++) {
            Files.move(data.resolve("classb/" + i + ".png"), aside.resolve(i + ".png"));
        }
        String line = refused(run);
        assertTrue(line.contains(data.toString()) && line.contains("'classb' has 9 images, had 12"), line);
        for (int i = 0; i < 3; i++) {
            Files.move(aside.resolve(i + ".png"), data.resolve("classb/" + i + ".png"));
        }

        Files.move(data.resolve("classc"), tmp.resolve("classc"));
        line = refused(run);
        assertTrue(line.contains("'classc' is gone"), line);
        Files.move(tmp.resolve("classc"), data.resolve("classc"));

        Files.writeString(data.resolve("classa/notes.txt"), "not an image: the loader skips it, so does the check");
        CliTest.Outcome o = CliTest.cli("resume", run.toString(), "--threads", "1");
        assertEquals(0, o.code(), "the data as it was: " + o.out() + o.err());
        assertEquals(3, Files.readAllLines(run.resolve(RunFiles.METRICS)).size(), "header and epochs 1, 2");
    }

    @Test
    void aRunWithoutFingerprintStillResumesButNotOnOtherClasses(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 3, 12, 16, false);
        Path run = trainOneEpoch(data, tmp.resolve("run"));
        Files.delete(run.resolve(TargetFingerprint.FILE)); // as written before this check existed

        Path extra = Files.createDirectories(data.resolve("classd"));
        try (Stream<Path> s = Files.list(data.resolve("classa"))) {
            for (Path p : s.toList()) {
                Files.copy(p, extra.resolve(p.getFileName()));
            }
        }
        String line = refused(run);
        assertTrue(line.contains("[classa, classb, classc, classd]") && line.contains("[classa, classb, classc]"),
                line);
        try (Stream<Path> s = Files.list(extra)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(extra);
        CliTest.Outcome o = CliTest.cli("resume", run.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.out() + o.err());
    }
}
