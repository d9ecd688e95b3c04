package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files are replaced in one step, with the user's default permissions; appends survive torn lines. */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCrashBetweenWriteAndRenameLeavesTheOldFileAndNoHalfFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("result.json");
        AtomicFiles.writeString(file, "{\"old\": 1}");
        String big = "{\"new\": \"" + "x".repeat(100_000) + "\"}";
        IOException crash = assertThrows(IOException.class, () -> AtomicFiles.write(file,
                out -> out.write(big.getBytes(StandardCharsets.UTF_8)), tmp -> {
                    // the new content is complete in a hidden sibling; the target is still the old file
                    assertEquals(dir.toAbsolutePath(), tmp.getParent());
                    assertTrue(tmp.getFileName().toString().startsWith("."), tmp.toString());
                    assertEquals(big, Files.readString(tmp));
                    assertEquals("{\"old\": 1}", Files.readString(file));
                    throw new IOException("simulated crash before the rename");
                }));
        assertEquals("simulated crash before the rename", crash.getMessage());
        assertEquals("{\"old\": 1}", Files.readString(file), "the old file is intact");
        assertEquals(List.of("result.json"), names(dir), "no half-written or temporary file is left");

        IOException midWrite = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("{\"half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", midWrite.getMessage());
        assertEquals("{\"old\": 1}", Files.readString(file));
        assertEquals(List.of("result.json"), names(dir));

        AtomicFiles.writeString(file, big);
        assertEquals(big, Files.readString(file));
        assertEquals(List.of("result.json"), names(dir));
    }

    @Test
    void appendedLinesNeverMergeWithATornLastLine(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.jsonl");
        AtomicFiles.appendLine(history, "{\"epoch\":0}");
        Files.writeString(history, "{\"epoch\":1,\"st", java.nio.file.StandardOpenOption.APPEND); // crash mid-line
        AtomicFiles.appendLine(history, "{\"epoch\":2}");
        assertEquals(List.of("{\"epoch\":0}", "{\"epoch\":1,\"st", "{\"epoch\":2}"), Files.readAllLines(history));

        Path metrics = dir.resolve("metrics.csv");
        Files.writeString(metrics, "epoch,loss\n1,0.5\n2,0.");
        long before = inode(metrics);
        AtomicFiles.appendLineAtomically(metrics, "2,0.25");
        assertEquals("epoch,loss\n1,0.5\n2,0.25\n", Files.readString(metrics), "torn row dropped, new row whole");
        if (before != -1) {
            assertTrue(before != inode(metrics), "replaced by a rename, not written in place");
        }
        assertEquals(List.of("history.jsonl", "metrics.csv"), names(dir));
    }

    private static long inode(Path p) throws IOException {
        Map<String, Object> a = FileSystems.getDefault().supportedFileAttributeViews().contains("unix")
                ? Files.readAttributes(p, "unix:ino") : Map.of();
        return a.containsKey("ino") ? ((Number) a.get("ino")).longValue() : -1;
    }

    /** The permissions a new file gets in DIR (the umask's), as Files.createFile makes it. */
    static Set<PosixFilePermission> defaultPermissions(Path dir) throws IOException {
        Path probe = Files.createFile(dir.resolve(".probe"));
        try {
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void writtenFilesGetTheDefaultPermissionsNotOwnerOnly(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Set<PosixFilePermission> expected = defaultPermissions(dir);
        Path json = dir.resolve("result.json");
        Json.write(json, Map.of("a", 1));
        Path copied = dir.resolve("copy.json");
        Path ownerOnly = Files.writeString(dir.resolve("old.json"), "{}");
        Files.setPosixFilePermissions(ownerOnly, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.copy(ownerOnly, copied);
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(
                Files.getPosixFilePermissions(json)), "as a new file under the umask");
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(
                Files.getPosixFilePermissions(copied)), "a copy (export) does not inherit owner-only");
        assumeTrue(expected.contains(PosixFilePermission.OTHERS_READ), "umask lets others read new files");
        assertTrue(Files.getPosixFilePermissions(json).contains(PosixFilePermission.OTHERS_READ));
    }
}
