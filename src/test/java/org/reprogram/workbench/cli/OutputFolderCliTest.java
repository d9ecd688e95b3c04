package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;

/** train/baseline never write a run over the user's own files; an empty --out is refused. */
class OutputFolderCliTest {

    private static String oneError(CliTest.Outcome o) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("Fix:"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        return lines.get(0);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderWithTheUsersOwnFilesIsRefused(@TempDir Path tmp) throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("my-project"));
        Files.writeString(mine.resolve("metrics.csv"), "my,own,numbers\n");
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        String digits = TestPaths.digits().toString();
        String line = oneError(CliTest.cli("train", "--target", digits, "--epochs", "1", "--shots", "2", "--device",
                "cpu", "--out", mine.toString()));
        assertTrue(line.contains(mine.toString()) && line.contains("not empty"), line);
        String baseline = oneError(CliTest.cli("baseline", "--kind", "linear-probe", "--target", digits, "--epochs",
                "1", "--shots", "2", "--device", "cpu", "--out", mine.toString()));
        assertTrue(baseline.contains(mine.toString()) && baseline.contains("not empty"), baseline);
        assertEquals(List.of("metrics.csv", "notes.txt"), names(mine), "nothing written into the folder");
        assertEquals("my,own,numbers\n", Files.readString(mine.resolve("metrics.csv")));
    }

    @Test
    void anEmptyOutIsRefused(@TempDir Path tmp) {
        // a missing target would fail later: the --out check comes first and nothing is written
        String line = oneError(CliTest.cli("train", "--target", tmp.resolve("nowhere").toString(), "--out", ""));
        assertTrue(line.contains("--out") && line.contains("empty"), line);
        String baseline = oneError(CliTest.cli("baseline", "--kind", "scratch", "--target",
                tmp.resolve("nowhere").toString(), "--out", " "));
        assertTrue(baseline.contains("--out") && baseline.contains("empty"), baseline);
    }

    @Test
    void anEmptyExistingFolderIsFine(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliTest.Outcome o = CliTest.cli("train", "--target", TestPaths.digits().toString(), "--epochs", "1",
                "--shots", "2", "--device", "cpu", "--out", empty.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(Files.exists(empty.resolve("result.json")));
    }
}
