package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.ZeroShot;

/**
 * The comparison table shows the zero-shot accuracy of a vision-language source (result.json's
 * {@code zeroShot.testAccuracy}) in a "zero-shot" column when a compared run has one, "-" for the
 * others, and as the last CSV column (empty when there is none).
 */
public class ComparisonZeroShotTest {

    /** A finished made-up run; with ZEROSHOT (not NaN) its result.json records that zero-shot accuracy. */
    public static Path run(Path dir, double zeroShot) throws Exception {
        RecordedRuns.reprogram(dir, RunSpec.defaults("digits"), 2, 0.6, true, true);
        if (!Double.isNaN(zeroShot)) {
            Json.write(dir.resolve(RunFiles.RESULT), RunStore.load(dir, false).result().toBuilder()
                    .zeroShot(new ZeroShot(zeroShot, 0.5, 10)).build());
        }
        return dir;
    }

    @Test
    void aZeroShotColumnAppearsWhenAComparedRunHasOne(@TempDir Path tmp) throws Exception {
        Path classifier = run(tmp.resolve("classifier"), Double.NaN);
        Path vlm = run(tmp.resolve("vlm"), 0.4321);

        ComparisonTable without = ComparisonTable.load(List.of(classifier));
        assertFalse(without.titles().contains("zero-shot"), without.titles().toString());
        assertEquals("zero_shot_accuracy", ComparisonTable.HEADER.get(ComparisonTable.HEADER.size() - 1),
                "appended: the columns of older versions keep their places");
        assertTrue(without.toCsv().lines().toList().get(1).endsWith(","), "empty when there is none");

        ComparisonTable table = ComparisonTable.load(List.of(classifier, vlm));
        List<String> titles = table.titles();
        int z = titles.indexOf("zero-shot");
        assertTrue(z > 0, titles.toString());
        assertEquals("test accuracy", titles.get(z + 1), "the figure the runs are measured against comes first");
        assertTrue(table.numeric(z) && !table.numeric(z - 1), "the results start with it");
        assertEquals("-", table.cells().get(0).get(z));
        assertEquals("0.4321", table.cells().get(1).get(z));
        assertEquals("0.5400", table.cells().get(1).get(z + 1), "the run's own test accuracy beside it");
        assertEquals(0.4321, table.rows().get(1).zeroShotAccuracy(), 0.0);
        assertTrue(table.toCsv().lines().toList().get(2).endsWith(",0.4321"), table.toCsv());
    }
}
