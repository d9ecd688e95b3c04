package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RecordedRuns;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.run.RunTrash;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/** Delete in the Runs tab: to RUNS/.trash, undo moves back, a run still training stays; header sorting of cells. */
class RunDeletionTest {

    private static final RunSpec CFG = RunSpec.defaults("digits");

    @Test
    void deleteMovesToTheTrashAndUndoRestores(@TempDir Path runs) throws Exception {
        Path a = RecordedRuns.reprogram(runs.resolve("20260101-000000-pad-linear-digits"), CFG, 1, 0.5, true, false);
        Path b = RecordedRuns.reprogram(runs.resolve("20260102-000000-pad-linear-digits"), CFG, 1, 0.6, true, false);
        Path live = RecordedRuns.reprogram(runs.resolve("20260103-000000-pad-linear-digits"), CFG, 1, 0.6, false,
                false);
        RunsViewModel vm = new RunsViewModel(new SyncTaskExecutor(), new RunStore(runs));
        vm.refresh();
        assertEquals(3, vm.runs().size());
        assertFalse(vm.deletion.canUndo().get());

        vm.selected.setAll(vm.runs().stream().filter(r -> !r.dir().equals(b)).toList()); // a and the live one
        vm.deletion.delete(vm.selected);
        assertFalse(Files.exists(a), "moved");
        assertTrue(Files.exists(runs.resolve(RunTrash.FOLDER).resolve(a.getFileName()).resolve(RunFiles.RESULT)));
        assertTrue(Files.isDirectory(live), "a run still training is not deleted");
        assertEquals(List.of(live, b), vm.runs().stream().map(RunRecord::dir).toList(), "the list re-read");
        String m = vm.message.get();
        assertTrue(m.startsWith("Moved 1 run to " + runs.resolve(RunTrash.FOLDER)), m);
        assertTrue(m.contains("Not deleted: " + live.getFileName() + ": is still training"), m);
        assertTrue(vm.deletion.canUndo().get());

        vm.deletion.undo();
        assertTrue(Files.exists(a.resolve(RunFiles.RESULT)), "back in place");
        assertFalse(Files.exists(runs.resolve(RunTrash.FOLDER).resolve(a.getFileName())));
        assertEquals(3, vm.runs().size());
        assertEquals("Restored 1 run. ", vm.message.get());
        assertFalse(vm.deletion.canUndo().get(), "undone once");
    }

    @Test
    void headerSortingComparesNumbersAsNumbers() {
        List<String> cells = new java.util.ArrayList<>(List.of("85.0 %", "-", "9.5 %", "100.0 %", "12/12", "3/10",
                "1,200", "950"));
        cells.sort(TextColumns::compareCells);
        assertEquals(List.of("-", "3/10", "9.5 %", "12/12", "85.0 %", "100.0 %", "950", "1,200"), cells);
        List<String> words = new java.util.ArrayList<>(List.of("pad", "Full", "ilm"));
        words.sort(TextColumns::compareCells);
        assertEquals(List.of("Full", "ilm", "pad"), words);
    }
}
