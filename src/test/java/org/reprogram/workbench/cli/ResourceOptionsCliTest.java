package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;

/**
 * --threads and --data-memory are declared once (the registry's resources.threads and
 * resources.data_memory): every command that takes them checks and words them the same way, before
 * anything loads, and train's help lists each once.
 */
class ResourceOptionsCliTest {

    @Test
    void everyCommandRefusesABadThreadCountWithTheSameWords(@TempDir Path tmp) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        String[][] commands = {
            {"train", "--target", TestPaths.digits().toString(), "--out", tmp.resolve("t").toString()},
            {"baseline", "--kind", "finetune", "--target", TestPaths.digits().toString(), "--out",
                tmp.resolve("b").toString()},
            {"demo", "--out", tmp.resolve("d").toString()},
            {"bench", "--steps", "1"},
            {"resume", tmp.resolve("missing").toString()},
            {"predict", tmp.resolve("missing").toString(), tmp.resolve("image.png").toString()}};
        for (String[] c : commands) {
            String[] args = java.util.Arrays.copyOf(c, c.length + 2);
            args[c.length] = "--threads";
            args[c.length + 1] = "1000";
            CliTest.Outcome o = CliTest.cli(args);
            assertEquals(2, o.code(), c[0] + ": " + o.out() + o.err());
            assertTrue(o.err().startsWith("error: --threads 1000 is more than this machine can use"), c[0] + ": " + o.err());
            assertTrue(o.err().contains("Fix: give 1.." + 4 * cores + ", or 0 for all " + cores + " cores"), o.err());
            assertFalse(o.err().contains("\tat "), o.err());
        }
        for (String name : new String[] {"t", "b", "d"}) {
            assertFalse(Files.exists(tmp.resolve(name)), name + ": nothing is written for a refused command");
        }
    }

    @Test
    void badDataMemoryIsRefusedByEveryCommandThatLoadsData(@TempDir Path tmp) {
        String[][] commands = {
            {"train", "--target", TestPaths.digits().toString(), "--out", tmp.resolve("t").toString()},
            {"demo", "--out", tmp.resolve("d").toString()},
            {"resume", tmp.resolve("missing").toString()}};
        for (String[] c : commands) {
            String[] args = java.util.Arrays.copyOf(c, c.length + 2);
            args[c.length] = "--data-memory";
            args[c.length + 1] = "lots";
            CliTest.Outcome o = CliTest.cli(args);
            assertEquals(2, o.code(), c[0] + ": " + o.out() + o.err());
            assertTrue(o.err().startsWith("error: --data-memory: 'lots' is not a size. Fix: write e.g. 512M, 2G or auto"),
                    c[0] + ": " + o.err());
        }
    }

    @Test
    void trainsHelpListsEachResourceOptionOnce() {
        CliTest.Outcome o = CliTest.cli("train", "--help");
        assertEquals(0, o.code(), o.err());
        for (String option : new String[] {"--threads=", "--data-memory="}) {
            int first = o.out().indexOf("      " + option);
            assertTrue(first >= 0, option + " in: " + o.out());
            assertEquals(-1, o.out().indexOf("      " + option, first + 1), option + " once: " + o.out());
        }
    }
}
