package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.train.BatchMemory;

/**
 * A batch that cannot fit in memory is one clear error before any step (issue 17, item 7: bench
 * --batch-size 200000 grew to 23.8 GB and was killed without a message). The budget is lowered
 * here (-Dreprogram.batchMemory) so the test never allocates much: the built-in model's canvas is
 * 1 x 32 x 32, 4 KB, so at {@link BatchMemory#FACTOR} x 4 KB per image 256 images fit in 64 MB.
 */
class BatchMemoryCliTest {

    private static final long PER_IMAGE = BatchMemory.bytesPerImage(1, 32, 32);

    @BeforeEach
    void smallBudget() {
        System.setProperty("reprogram.batchMemory", "64M");
    }

    @AfterEach
    void restore() {
        System.clearProperty("reprogram.batchMemory");
    }

    private static void assertRefused(CliTest.Outcome o, int batch, long max) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), o.err());
        assertTrue(errors.get(0).startsWith("error: batch size (--batch-size) " + batch), errors.get(0));
        assertTrue(errors.get(0).contains("Fix: pass --batch-size " + max + " or less"), errors.get(0));
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    void benchRefusesASyntheticBatchThatCannotFit() {
        // 400 MB: the sample digits' 1,438 training images would fit in one batch, but bench's synthetic
        // batches are as large as asked
        System.setProperty("reprogram.batchMemory", "400M");
        long max = (400L << 20) / PER_IMAGE;
        assertEquals(1600, max);
        assertRefused(CliTest.cli("bench", "--batch-size", "2000", "--steps", "1", "--repeats", "1", "--warmup", "0",
                "--threads", "1"), 2000, max);
        System.setProperty("reprogram.batchMemory", "64M");
        CliTest.Outcome fits = CliTest.cli("bench", "--batch-size", "256", "--steps", "1", "--repeats", "1",
                "--warmup", "0", "--threads", "1");
        assertEquals(0, fits.code(), fits.out() + fits.err());
    }

    @Test
    void trainAndBaselinesRefuseBeforeAnyRunFolderIsWritten(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliTest.Outcome train = CliTest.cli("train", "--target", TestPaths.digits().toString(), "--epochs", "1",
                "--batch-size", "1000", "--threads", "1", "--out", run.toString());
        assertRefused(train, 1000, 256);
        assertFalse(Files.exists(run.resolve("result.json")), "nothing trained");
        Path base = tmp.resolve("finetune");
        CliTest.Outcome finetune = CliTest.cli("baseline", "--kind", "finetune", "--target",
                TestPaths.digits().toString(), "--epochs", "1", "--batch-size", "1000", "--threads", "1", "--out",
                base.toString());
        assertRefused(finetune, 1000, 256);
    }

    @Test
    void resumeRefusesWithAFixResumeAccepts(@TempDir Path tmp) throws Exception {
        // trained with a batch that fits; on resume the machine (here: the budget) has less memory
        System.setProperty("reprogram.batchMemory", "1G");
        Path run = tmp.resolve("run");
        CliTest.Outcome train = CliTest.cli("train", "--target", TestPaths.digits().toString(), "--epochs", "1",
                "--batch-size", "1000", "--threads", "1", "--out", run.toString());
        assertEquals(0, train.code(), train.out() + train.err());
        RunFolderClaimTest.makeResumable(run, 2);
        String metrics = Files.readString(run.resolve("metrics.csv"));
        System.setProperty("reprogram.batchMemory", "64M");
        CliTest.Outcome o = CliTest.cli("resume", run.toString(), "--threads", "1");
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), o.err());
        String e = errors.get(0);
        assertTrue(e.startsWith("error: " + run), "names the run: " + e);
        assertTrue(e.contains("batch size 1000") && e.contains("config.json"), e);
        assertFalse(e.contains("pass --batch-size") || e.contains("(--batch-size)"), "resume has no --batch-size: " + e);
        assertTrue(e.contains("train --batch-size 256 or less"), "a new run may choose a smaller batch: " + e);
        assertTrue(e.contains("Fix: ") && e.contains("-Dreprogram.batchMemory"), e);
        assertFalse(o.err().contains("\tat "), o.err());
        assertEquals(metrics, Files.readString(run.resolve("metrics.csv")), "the run is left as it was");
    }
}
