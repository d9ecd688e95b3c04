package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.ComparisonZeroShotTest;
import org.reprogram.workbench.core.run.ReplicateGroups;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;

/** The Runs tab's compare lines carry the zero-shot accuracy of a vision-language run, as the CLI table does. */
class CompareZeroShotTest {

    @Test
    void aCompareLineShowsTheZeroShotAccuracyAndAGroupItsMean(@TempDir Path tmp) throws Exception {
        RunRecord classifier = RunStore.load(ComparisonZeroShotTest.run(tmp.resolve("c"), Double.NaN), false);
        RunRecord vlm = RunStore.load(ComparisonZeroShotTest.run(tmp.resolve("v"), 0.4321), false);
        assertEquals("-", ComparisonViewModel.row(classifier).zeroShot());
        assertEquals("43.2 %", ComparisonViewModel.row(vlm).zeroShot());
        RunRecord other = RunStore.load(ComparisonZeroShotTest.run(tmp.resolve("w"), 0.4521), false);
        List<ReplicateGroups.Group> groups = ReplicateGroups.of(List.of(vlm, other));
        assertEquals(1, groups.size(), "the same settings: one group");
        assertEquals("44.2 %", ReplicateRows.row(groups.get(0), "group").zeroShot());
    }
}
