package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.report.MeanStd;
import org.reprogram.workbench.core.run.ReplicateGroups.Figure;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;

/** Replicates (same settings but the seed) grouped, with hand-computed mean and sample std. */
class ReplicateGroupsTest {

    private static final RunSpec CFG = RunSpec.defaults("digits");

    /** A finished run with SEED and test accuracy 0.9 * SCALE (RecordedRuns' result). */
    static RunRecord run(Path dir, RunSpec cfg, long seed, double scale) throws Exception {
        return RunStore.load(RecordedRuns.reprogram(dir, cfg.with(Settings.SEED, seed), 2,
                scale, true, true), false);
    }

    @Test
    void meanAndSampleStdByHand() {
        MeanStd s = MeanStd.of(0.72, 0.81, 0.90);
        assertEquals(3, s.n());
        assertEquals(0.81, s.mean(), 1e-12);
        // deviations -0.09, 0, 0.09: sum of squares 0.0162, / (3 - 1) = 0.0081, sqrt = 0.09
        assertEquals(0.09, s.std(), 1e-12);
        MeanStd one = MeanStd.of(0.5, Double.NaN);
        assertEquals(1, one.n(), "NaN (a run without a result) is left out");
        assertEquals(0.5, one.mean(), 0);
        assertTrue(Double.isNaN(one.std()), "one value has no sample std");
        assertEquals(0, MeanStd.of().n());
        assertTrue(Double.isNaN(MeanStd.of().mean()));
        assertEquals(Math.sqrt(0.5), MeanStd.of(1, 2).std(), 1e-12, "(0.25 + 0.25) / 1");
    }

    @Test
    void runsWithTheSameSettingsButTheSeedFormOneGroup(@TempDir Path tmp) throws Exception {
        RunRecord a = run(tmp.resolve("a"), CFG, 1, 0.8);
        RunRecord other = run(tmp.resolve("other"), CFG.with(Settings.LR, 0.5).with(Settings.SEED, 1L), 1, 0.6);
        RunRecord b = run(tmp.resolve("b"), CFG, 2, 0.9);
        RunRecord c = run(tmp.resolve("c"), CFG, 3, 1.0);
        RunRecord probe = RunStore.load(RecordedRuns.baseline(tmp.resolve("probe"),
                RunSpec.baseline(Method.LINEAR_PROBE, "digits"), 2, 0.7), false);
        RunRecord junk = RunRecord.unreadable(tmp.resolve("junk"), "broken");

        List<ReplicateGroups.Group> groups = ReplicateGroups.of(List.of(a, other, b, c, probe, junk));
        assertEquals(4, groups.size());
        ReplicateGroups.Group three = groups.get(0);
        assertEquals(List.of(a, b, c), three.runs(), "in the order given, around the run with another lr");
        assertEquals("1, 2, 3", three.value(RunParameter.SEED));
        assertEquals("1, 2, 3", ReplicateGroups.of(List.of(c, a, b)).get(0).value(RunParameter.SEED),
                "seeds in numeric order whatever the selection's order");
        assertEquals("pad", three.value(RunParameter.PROGRAM));
        MeanStd acc = three.stat(Figure.TEST_ACCURACY);
        assertEquals(3, acc.n());
        assertEquals(0.81, acc.mean(), 1e-9, "(0.72 + 0.81 + 0.90) / 3");
        assertEquals(0.09, acc.std(), 1e-9);
        assertEquals(1.5, three.stat(Figure.WALL_SECONDS).mean(), 1e-12);
        assertEquals(2, three.stat(Figure.EPOCHS).mean(), 0);

        ReplicateGroups.Group single = groups.get(1);
        assertEquals(1, single.n());
        assertEquals(0.54, single.stat(Figure.TEST_ACCURACY).mean(), 1e-9);
        assertTrue(Double.isNaN(single.stat(Figure.TEST_ACCURACY).std()), "n = 1: no std");
        assertEquals(List.of(probe), groups.get(2).runs(), "a baseline is never a replicate of a reprogramming run");
        assertEquals(List.of(junk), groups.get(3).runs());
    }

    @Test
    void theCsvHasOneLinePerGroupWithNMeanAndStd(@TempDir Path tmp) throws Exception {
        RunRecord a = run(tmp.resolve("a"), CFG, 1, 0.8);
        RunRecord b = run(tmp.resolve("b"), CFG, 2, 0.9);
        RunRecord c = run(tmp.resolve("c"), CFG, 3, 1.0);
        RunRecord other = run(tmp.resolve("other"), CFG.with(Settings.LR, 0.5).with(Settings.SEED, 0L), 7, 0.6);
        String csv = ReplicateGroups.toCsv(ReplicateGroups.of(List.of(a, b, c, other)));
        assertTrue(csv.endsWith("\r\n"), "RFC 4180 line ends");
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        List<String> three = List.of(lines.get(1).split(",", -1));
        List<String> one = List.of(lines.get(2).split(",", -1));
        assertEquals("3", three.get(header.indexOf("n")));
        assertEquals("a b c", three.get(header.indexOf("runs")));
        assertEquals("\"1", three.get(header.indexOf("seeds")), "the seeds hold commas: quoted");
        assertTrue(lines.get(1).contains(",\"1, 2, 3\","), lines.get(1));
        int shift = 2; // "1, 2, 3" split into three pieces
        assertEquals(0.81, Double.parseDouble(three.get(header.indexOf("test_accuracy_mean") + shift)), 1e-9);
        assertEquals(0.09, Double.parseDouble(three.get(header.indexOf("test_accuracy_std") + shift)), 1e-9);
        assertEquals("3", three.get(header.indexOf("test_accuracy_n") + shift));
        assertEquals("1", one.get(header.indexOf("n")));
        assertEquals("7", one.get(header.indexOf("seeds")));
        assertEquals("", one.get(header.indexOf("test_accuracy_std")), "n = 1: empty std");
        assertEquals(0.5, Double.parseDouble(one.get(header.indexOf("lr"))), 0);
    }
}
