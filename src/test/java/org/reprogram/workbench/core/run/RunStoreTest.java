package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;

/** Listing the runs folder: a foreign or damaged folder is listed as unreadable and hides no run. */
class RunStoreTest {

    private static Path folder(Path runs, String name, String config) throws Exception {
        Path d = Files.createDirectories(runs.resolve(name));
        Files.writeString(d.resolve(RunFiles.CONFIG), config);
        return d;
    }

    @Test
    void foreignAndDamagedFoldersAreListedAsUnreadableWithTheReason(@TempDir Path runs) throws Exception {
        Path good = Files.createDirectories(runs.resolve("20260101-000000-pad-ilm-digits"));
        Json.write(good.resolve(RunFiles.CONFIG), RunSpecJson.toJson(RunSpec.defaults("digits")));
        Path foreign = folder(runs, "20260102-mine", "{\"mine\":1}");
        Path broken = folder(runs, "20260103-broken", "{not json");
        Path badResult = Files.createDirectories(runs.resolve("20260104-bad-result"));
        Json.write(badResult.resolve(RunFiles.CONFIG), RunSpecJson.toJson(RunSpec.defaults("digits")));
        Files.writeString(badResult.resolve(RunFiles.RESULT), "{\"mine\":2}");
        Files.createDirectories(runs.resolve("notes")); // no config.json: not a run, not listed
        folder(runs, ".20260105-x.new-1", "{\"mine\":1}"); // hidden temporary folder: not listed

        List<RunRecord> list = new RunStore(runs).list();
        assertEquals(List.of("20260104-bad-result", "20260103-broken", "20260102-mine",
                "20260101-000000-pad-ilm-digits"), list.stream().map(RunRecord::name).toList());
        RunRecord mine = list.get(2);
        assertFalse(mine.readable());
        assertEquals("unreadable", mine.status());
        assertTrue(mine.problem().contains(foreign.resolve(RunFiles.CONFIG).toString())
                && mine.problem().contains("not a run config") && mine.problem().contains("mine"), mine.problem());
        assertEquals("-", mine.program());
        assertEquals("-", mine.mapping());
        assertEquals("-", mine.trainer());
        assertEquals("-", mine.method());
        assertEquals("-", mine.frame());
        assertTrue(list.get(1).problem().contains(broken.resolve(RunFiles.CONFIG) + ": is not valid JSON"),
                list.get(1).problem());
        assertTrue(list.get(0).problem().contains(RunFiles.RESULT) && list.get(0).problem().contains("status"),
                list.get(0).problem());
        assertTrue(list.get(3).readable(), "the good run is still listed and readable");
        assertEquals("incomplete", list.get(3).status());

        UserInputException e = assertThrows(UserInputException.class, () -> RunStore.load(foreign, true));
        assertTrue(e.getMessage().startsWith(foreign.resolve(RunFiles.CONFIG).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());

        ComparisonTable table = ComparisonTable.of(list);
        assertEquals(1, table.readable());
        assertTrue(table.rows().get(2).status().startsWith("unreadable: "), table.rows().get(2).status());
        assertEquals(4, table.cells().size(), "every row can be shown");
        assertEquals(5, table.toCsv().lines().count());
    }

    @Test
    void aResultWithAnUnknownStatusIsUnreadableAndSaysWhichWordsAreKnown(@TempDir Path runs) throws Exception {
        Path dir = Files.createDirectories(runs.resolve("20260106-odd-status"));
        Json.write(dir.resolve(RunFiles.CONFIG), RunSpecJson.toJson(RunSpec.defaults("digits")));
        Files.writeString(dir.resolve(RunFiles.RESULT), "{\"status\": \"finished\", \"epochs\": 2}");
        RunRecord r = new RunStore(runs).list().get(0);
        assertEquals("unreadable", r.status());
        assertTrue(r.problem().contains(RunFiles.RESULT) && r.problem().contains("not one of completed, stopped,"),
                r.problem());
    }
}
