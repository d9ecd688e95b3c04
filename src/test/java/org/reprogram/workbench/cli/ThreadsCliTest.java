package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;

/** {@code --threads 1000} was accepted (and ran 7x slower): now one error with the allowed range, nothing written. */
class ThreadsCliTest {

    @Test
    void tooManyThreadsAreRefusedWithTheAllowedRange(@TempDir Path tmp) {
        int max = 4 * Runtime.getRuntime().availableProcessors();
        Path run = tmp.resolve("run");
        CliTest.Outcome o = CliTest.cli("train", "--target", TestPaths.digits().toString(), "--epochs", "1",
                "--threads", "1000", "--out", run.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("error: --threads 1000 is more than this machine can use"), o.err());
        assertTrue(o.err().contains("Fix: give 1.." + max), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        assertFalse(Files.exists(run), "nothing is written for a refused command");
    }
}
