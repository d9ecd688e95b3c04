package org.reprogram.workbench.core.study.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.study.ConfigurationKey;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyStatistics;
import org.reprogram.workbench.core.study.TrialOutcome;

/** The pieces the report's figures and tables are made of: axes, ticks, the Pareto front, CSV quoting. */
class ReportFiguresTest {

    @Test
    void aLearningRateAxisSpanningMoreThanTenTimesIsLogarithmic() {
        ParallelAxis lr = ParallelAxis.of("optimization.lr", List.of("0.001", "0.01", "0.1"), List.of());
        assertEquals("optimization.lr (log)", lr.title());
        assertEquals(0.0, lr.positions().get(0), 1e-12);
        assertEquals(0.5, lr.positions().get(1), 1e-12, "0.01 halfway between 0.001 and 0.1 on a log scale");
        assertEquals(1.0, lr.positions().get(2), 1e-12);
        ParallelAxis linear = ParallelAxis.of("optimization.lr", List.of("0.02", "0.05", "0.08"), List.of());
        assertEquals("optimization.lr", linear.title());
        assertEquals(0.5, linear.positions().get(1), 1e-12);
    }

    @Test
    void categoriesAreSpacedEvenlyInTheSpecsOrderWithNotApplicableAtTheBottom() {
        ParallelAxis mapping = ParallelAxis.of("mapping", List.of("ilm", "rlm", "flm"), List.of("rlm", "flm", "ilm"));
        assertEquals(List.of("rlm", "flm", "ilm"), mapping.ticks().stream().map(ParallelAxis.Tick::label).toList());
        assertEquals(List.of(1.0, 0.0, 0.5), mapping.positions());
        ParallelAxis inner = ParallelAxis.of("program.inner_size", List.of("10", "", "14"), List.of("10", "14"));
        assertEquals(ParallelAxis.NOT_APPLICABLE, inner.ticks().get(0).label());
        assertEquals(0.0, inner.positions().get(1), 1e-12);
        assertTrue(inner.positions().get(0) > 0 && inner.positions().get(0) < inner.positions().get(2));
    }

    @Test
    void niceTicksAreRoundAndCoverTheRange() {
        List<Double> t = NiceTicks.of(0.523, 0.918, 6);
        assertTrue(t.get(0) <= 0.523 && t.get(t.size() - 1) >= 0.918, t.toString());
        assertTrue(t.size() <= 7, t.toString());
        double step = t.get(1) - t.get(0);
        for (double v : t) {
            assertEquals(0, Math.abs(v / step - Math.rint(v / step)), 1e-9, "a multiple of the step: " + t);
        }
        assertTrue(NiceTicks.of(0.5, 0.5, 5).size() >= 2, "a single value still gets an axis");
    }

    @Test
    void theParetoFrontKeepsWhatNoOtherConfigurationBeatsOnBothCounts() {
        List<TrialOutcome> trials = new ArrayList<>();
        // small and good, large and better, large and worse (dominated), mid and worse than small (dominated)
        double[][] acc = {{0.80, 100}, {0.90, 10000}, {0.70, 10000}, {0.75, 1000}};
        for (int i = 0; i < acc.length; i++) {
            ConfigurationKey key = ConfigurationKey.of("reprogram", Map.of("optimization.lr", Integer.toString(i)));
            trials.add(TrialOutcome.completed("t" + i, key, 0, acc[i][0], acc[i][0], (long) acc[i][1], 1, 1));
        }
        List<ConfigurationStats> front = ParetoFigure.front(StudyStatistics.of(trials).leaderboard());
        assertEquals(List.of(0.80, 0.90), front.stream().map(c -> c.test().mean()).toList());
    }

    @Test
    void csvFieldsAreQuotedPerRfc4180() {
        assertEquals("plain", LeaderboardCsv.field("plain"));
        assertEquals("\"a, b\"", LeaderboardCsv.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", LeaderboardCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", LeaderboardCsv.field("two\nlines"));
    }

    @Test
    void numbersNeverReadNaN() {
        assertEquals(ReportFormat.NONE, ReportFormat.num(Double.NaN));
        assertEquals("", ReportFormat.exact(Double.NaN));
        assertEquals("0.000", ReportFormat.num(-0.0001));
        assertEquals("+0.040", ReportFormat.signed(0.04));
        assertEquals("0.1", ReportFormat.exact(0.1));
        assertEquals("2568.5", ReportFormat.exact(2568.5));
        assertEquals("60000", ReportFormat.exact(60000.0));
    }
}
