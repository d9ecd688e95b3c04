package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunFolderLock;

/**
 * Issue 17 item 5: the hidden temporary files a writer killed with kill -9 leaves behind are
 * removed: in a run folder when it is next claimed, next to an export when that file is next
 * written (only leftovers untouched for a while: another writer's live file stays).
 */
class StaleTempFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path leftover(Path dir, String name, long ageMillis) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "half");
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
        return p;
    }

    @Test
    void claimingARunFolderRemovesItsTemporaryFiles(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("metrics.csv"), "epoch\n");
        Files.writeString(run.resolve(".notes-of-the-user"), "keep");
        leftover(run, ".result.json.1x2y3z.tmp", 0);
        leftover(run, ".checkpoint.bin.abc.tmp", 0);
        try (RunFolderLock claim = RunFolderLock.claim(run, false)) {
            assertEquals(List.of(".lock", ".notes-of-the-user", "metrics.csv"), names(run));
        }
        assertEquals(List.of(".notes-of-the-user", "metrics.csv"), names(run), "the claim's lock file goes too");
    }

    @Test
    void writingAFileRemovesItsOwnStaleTemporaryFilesOnly(@TempDir Path dir) throws Exception {
        Path stale = leftover(dir, ".bundle.zip.k3j2h1.tmp", AtomicFiles.STALE_MILLIS + 60_000);
        Path live = leftover(dir, ".bundle.zip.q9w8e7.tmp", 1_000); // another writer, still going
        Path otherName = leftover(dir, ".other.zip.k3j2h1.tmp", AtomicFiles.STALE_MILLIS + 60_000);
        Path notOurs = leftover(dir, ".bundle.zip.tmp", AtomicFiles.STALE_MILLIS + 60_000);
        AtomicFiles.writeString(dir.resolve("bundle.zip"), "zip");
        assertFalse(Files.exists(stale), "the killed export's leftover");
        assertTrue(Files.exists(live) && Files.exists(otherName) && Files.exists(notOurs));
    }
}
