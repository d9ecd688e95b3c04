package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * Issue 17 item 5: a run interrupted (SIGTERM, Ctrl-C) before its first epoch ended has no
 * checkpoint; the CLI printed "continue it with: ... resume DIR", which then failed ("no
 * checkpoint.bin"). It now says to start the run again; with a checkpoint it still names resume.
 */
class InterruptAdviceTest {

    private static TrainingResult interrupted(int epochs) {
        return TrainingResult.builder().status(RunStatus.INTERRUPTED).message("interrupted by a signal")
                .parameters(768, 156234).wallSeconds(1.0).epochs(epochs).seed(1).program("pad").mapping("flm")
                .trainer("whitebox").source("builtin").target("sample-data/digits").device("cpu")
                .peakRssMegabytes(300).build();
    }

    private static synchronized String stderrOf(TrainingResult r, Path dir) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            TrainCommand.printResult(r, dir);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void beforeTheFirstCheckpointTheAdviceIsToStartAgainNotToResume(@TempDir Path dir) throws Exception {
        String err = stderrOf(interrupted(0), dir);
        assertFalse(err.contains("continue it with") || err.contains("resume " + dir), err);
        assertTrue(err.contains("no checkpoint to resume from") && err.contains("start it again"), err);

        Files.writeString(dir.resolve(CheckpointFile.NAME), "a checkpoint");
        err = stderrOf(interrupted(1), dir);
        assertTrue(err.contains("continue it with: java -jar target/reprogram-workbench.jar resume " + dir), err);
    }
}
