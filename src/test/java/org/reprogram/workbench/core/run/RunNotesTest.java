package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.RunSpec;

/** The user's name and note of a run: notes.json, written on its own, never touching the run's files. */
class RunNotesTest {

    @Test
    void nameAndNoteRoundTripAndComeBackWithTheRun(@TempDir Path tmp) throws Exception {
        Path dir = RecordedRuns.reprogram(tmp.resolve("20260101-pad-linear-digits"), RunSpec.defaults("digits"),
                2, 0.8, true, false);
        RunRecord before = RunStore.load(dir, false);
        assertEquals(RunNotes.NONE, before.notes(), "a run without notes.json still loads, with no notes");
        assertEquals("20260101-pad-linear-digits", before.displayName(), "no name: the folder name");

        RunNotes.write(dir, new RunNotes("  pad + linear,\n lr 0.05 ", "tried the demo frame\r\nwith a linear head "));
        RunRecord after = RunStore.load(dir, false);
        assertEquals("pad + linear, lr 0.05", after.notes().name(), "one line, trimmed");
        assertEquals("tried the demo frame\nwith a linear head", after.notes().note());
        assertEquals("pad + linear, lr 0.05", after.displayName());
        assertEquals("20260101-pad-linear-digits", after.name(), "the folder keeps its name");
        assertEquals(after.notes(), RunNotes.read(dir));
        assertEquals(1, new RunStore(tmp).list().size());
        assertEquals("pad + linear, lr 0.05", new RunStore(tmp).list().get(0).displayName());

        RunNotes.write(dir, RunNotes.NONE);
        assertEquals("20260101-pad-linear-digits", RunStore.load(dir, false).displayName(), "cleared again");
    }

    @Test
    void writingNotesLeavesEveryOtherFileOfARunningRunAsItWas(@TempDir Path tmp) throws Exception {
        Path dir = RecordedRuns.reprogram(tmp.resolve("live"), RunSpec.defaults("digits"), 2, 0.8, false, true);
        assertEquals("running", RunStore.load(dir, false).status(), "the test process holds its RUNNING marker");
        Map<String, byte[]> files = contents(dir);
        RunNotes.write(dir, new RunNotes("live one", "still training"));
        Map<String, byte[]> now = contents(dir);
        assertEquals(files.size() + 1, now.size(), "only notes.json is new: " + now.keySet());
        for (var e : files.entrySet()) {
            assertArrayEquals(e.getValue(), now.get(e.getKey()), e.getKey() + " is unchanged");
        }
        assertEquals("running", RunStore.load(dir, false).status());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void damagedNotesHideNothingAndBadWritesAreRefusedClearly(@TempDir Path tmp) throws Exception {
        Path dir = RecordedRuns.reprogram(tmp.resolve("run"), RunSpec.defaults("digits"), 1, 0.5, true, true);
        Files.writeString(dir.resolve(RunFiles.NOTES), "{\"name\": ");
        RunRecord r = RunStore.load(dir, false);
        assertTrue(r.readable());
        assertEquals(RunNotes.NONE, r.notes());
        Files.writeString(dir.resolve(RunFiles.NOTES), "[1, 2]");
        assertEquals(RunNotes.NONE, RunStore.load(dir, false).notes(), "not an object: no notes, still a run");

        UserInputException tooLong = assertThrows(UserInputException.class,
                () -> RunNotes.write(dir, new RunNotes("x".repeat(RunNotes.MAX_NAME + 1), "")));
        assertTrue(tooLong.getMessage().startsWith(dir.toString()) && tooLong.getMessage().contains("at most "
                + RunNotes.MAX_NAME), tooLong.getMessage());

        Path gone = tmp.resolve("deleted-run");
        UserInputException missing = assertThrows(UserInputException.class,
                () -> RunNotes.write(gone, new RunNotes("a", "")));
        assertTrue(missing.getMessage().contains("no longer exists") && missing.getMessage().contains("Fix:"),
                missing.getMessage());
        assertFalse(Files.exists(gone), "a deleted run folder is not created again");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThrows(UserInputException.class, () -> RunNotes.write(plain, new RunNotes("a", "")));
        assertFalse(Files.exists(plain.resolve(RunFiles.NOTES)), "no notes in a folder that is not a run");
    }

    @Test
    void theComparisonTableAndItsCsvCarryNameAndNote(@TempDir Path tmp) throws Exception {
        Path a = RecordedRuns.reprogram(tmp.resolve("a"), RunSpec.defaults("digits"), 1, 0.5, true, true);
        Path b = RecordedRuns.reprogram(tmp.resolve("b"), RunSpec.defaults("digits"), 1, 0.6, true, true);
        ComparisonTable plain = ComparisonTable.load(List.of(a, b));
        assertFalse(plain.titles().contains("name"), "no run is named: no name column");
        RunNotes.write(b, new RunNotes("second, better", "note with \"quotes\""));
        ComparisonTable table = ComparisonTable.load(List.of(a, b));
        List<String> titles = table.titles();
        assertEquals(List.of("run", "name", "status", "method"), titles.subList(0, 4));
        assertEquals("-", table.cells().get(0).get(1));
        assertEquals("second, better", table.cells().get(1).get(1));
        List<String> csv = table.toCsv().lines().toList();
        int name = ComparisonTable.HEADER.indexOf("name");
        assertTrue(name > 0 && ComparisonTable.HEADER.get(name + 1).equals("note"));
        assertTrue(csv.get(2).contains(",\"second, better\",\"note with \"\"quotes\"\"\","), csv.get(2));
    }

    private static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
