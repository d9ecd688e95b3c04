package org.reprogram.workbench.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.study.PairedComparison.Verdict;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;

/** Study statistics against hand-computed values; no training. */
class StudyStatisticsTest {

    /** t(0.975, 2) from tables (scipy.stats.t.ppf(0.975, 2) = 4.302652729749). */
    private static final double T2 = 4.302652729749;

    private static final ConfigurationKey LR05 = reprogram("0.05");
    private static final ConfigurationKey LR1 = reprogram("0.1");
    private static final ConfigurationKey PROBE = ConfigurationKey.of("linear-probe",
            Map.of("program", "-", "optimization.lr", "0.01"));
    private static final ConfigurationKey FINETUNE = ConfigurationKey.of("finetune",
            Map.of("program", "-", "optimization.lr", "0.01"));

    private static ConfigurationKey reprogram(String lr) {
        return ConfigurationKey.of(TrainingResult.METHOD_REPROGRAM, Map.of("program", "pad", "optimization.lr", lr));
    }

    /** A completed trial of KEY with SEED, validation VAL and test TEST (100 parameters, 10 s, 0 queries). */
    private static TrialOutcome trial(ConfigurationKey key, long seed, double val, double test) {
        return TrialOutcome.completed(key.method() + "-" + key.settings() + "-" + seed, key, seed, val, test,
                100, 10, 0);
    }

    @Test
    void labelsNameWhatDiffersWhereItApplies() {
        ConfigurationKey pad10 = ConfigurationKey.of("reprogram", java.util.Map.of("program", "pad",
                "program.inner_size", "10", "optimization.lr", "0.01"));
        ConfigurationKey full = ConfigurationKey.of("reprogram", java.util.Map.of("program", "full", "optimization.lr", "0.01"));
        ConfigurationKey pad14 = ConfigurationKey.of("reprogram", java.util.Map.of("program", "pad",
                "program.inner_size", "14", "optimization.lr", "0.01"));
        // the inner size applies to pad only and is 10 wherever it does: the program tells them apart
        assertEquals("program pad", pad10.labelAmong(java.util.List.of(pad10, full)));
        assertEquals("program full", full.labelAmong(java.util.List.of(pad10, full)));
        // with two inner sizes it names them
        assertEquals("program pad, inner_size 14", pad14.labelAmong(java.util.List.of(pad10, full, pad14)));
        assertEquals("program full", full.labelAmong(java.util.List.of(pad10, full, pad14)));
    }

    @Test
    void meanSdAndIntervalByHand() {
        Estimate e = Estimate.of(0.80, 0.82, 0.84);
        assertEquals(3, e.n());
        assertEquals(0.82, e.mean(), 1e-12);
        // deviations -0.02, 0, 0.02: squares 0.0008, / (3 - 1) = 0.0004, sqrt = 0.02
        assertEquals(0.02, e.sd(), 1e-12);
        assertEquals(T2, Estimate.tQuantile(2), 1e-8);
        assertEquals(12.706204736, Estimate.tQuantile(1), 1e-8, "t(0.975, 1)");
        assertEquals(2.776445105, Estimate.tQuantile(4), 1e-8, "t(0.975, 4)");
        // half-width 4.302652729749 * 0.02 / sqrt(3) = 0.086053054595 / 1.732050807569 = 0.049682754235
        assertEquals(0.049682754235, e.halfWidth(), 1e-10);
        assertEquals(0.82 - 0.049682754235, e.low(), 1e-10);
        assertEquals(0.82 + 0.049682754235, e.high(), 1e-10);
        assertEquals("0.820 ± 0.050 (95 % CI), n = 3", e.inWords());
        assertEquals("[0.770, 0.870]", e.intervalInWords());
    }

    @Test
    void oneValueHasNoIntervalAndNoNaNInWords() {
        Estimate e = Estimate.of(0.7);
        assertEquals(1, e.n());
        assertEquals(0.7, e.mean(), 0);
        assertFalse(e.hasInterval());
        assertFalse(e.contains(0.7), "no interval contains nothing");
        assertEquals("0.700, n = 1", e.inWords());
        assertEquals("", e.intervalInWords());
        StudyStatistics s = StudyStatistics.of(List.of(trial(LR05, 1, 0.9, 0.7), trial(LR1, 1, 0.8, 0.6)));
        assertEquals(1, s.winner().orElseThrow().n());
        String summary = s.summary();
        assertTrue(summary.contains("n = 1"), summary);
        assertFalse(summary.contains("NaN"), summary);
        assertTrue(summary.contains("no baseline"), summary);
    }

    @Test
    void identicalValuesGiveZeroSdAndZeroWidth() {
        Estimate e = Estimate.of(0.9, 0.9, 0.9);
        assertEquals(0, e.sd(), 0);
        assertEquals(0, e.halfWidth(), 0);
        assertEquals(0.9, e.low(), 0);
        assertEquals(0.9, e.high(), 0);
        assertTrue(e.contains(0.9));
        assertEquals("0.900 ± 0.000 (95 % CI), n = 3", e.inWords());
    }

    @Test
    void winnerIsChosenByValidationNotByTest() {
        // lr 0.05: validation mean (0.90 + 0.92) / 2 = 0.91, test mean (0.80 + 0.82) / 2 = 0.81
        // lr 0.1:  validation mean (0.85 + 0.87) / 2 = 0.86, test mean (0.95 + 0.93) / 2 = 0.94 (test would pick it)
        List<TrialOutcome> trials = List.of(trial(LR1, 1, 0.85, 0.95), trial(LR1, 2, 0.87, 0.93),
                trial(LR05, 1, 0.90, 0.80), trial(LR05, 2, 0.92, 0.82));
        StudyStatistics s = StudyStatistics.of(trials);
        ConfigurationStats w = s.winner().orElseThrow();
        assertEquals(LR05, w.key());
        assertEquals("lr 0.05", w.label());
        assertEquals(0.91, w.validation().mean(), 1e-12);
        assertEquals(0.81, w.test().mean(), 1e-12, "the winner's test figure is reported");
        assertEquals(List.of(LR05, LR1), s.leaderboard().stream().map(ConfigurationStats::key).toList());
        assertTrue(s.summary().startsWith("lr 0.05 wins by validation (mean best validation accuracy 0.910; "
                + "test accuracy at the best validation epoch 0.810 ±"), s.summary());
    }

    @Test
    void pairedComparisonWithTheBestBaselineByHand() {
        // best baseline by validation: linear-probe (0.80) over finetune (0.78), though finetune tests higher
        // lr 0.05 minus linear-probe per seed: 0.85 - 0.80, 0.88 - 0.83, 0.86 - 0.82 = 0.05, 0.05, 0.04
        // mean 0.14 / 3 = 0.046667; deviations 1/300, 1/300, -2/300: squares 6/90000, / 2, sqrt: sd = 0.0057735
        // sd / sqrt(3) = 1/300 exactly, so half-width = 4.302652729749 / 300 = 0.014342176; CI [0.032324, 0.061009]
        List<TrialOutcome> trials = new ArrayList<>(List.of(
                trial(LR05, 1, 0.90, 0.85), trial(LR05, 2, 0.91, 0.88), trial(LR05, 3, 0.92, 0.86),
                trial(PROBE, 1, 0.80, 0.80), trial(PROBE, 2, 0.80, 0.83), trial(PROBE, 3, 0.80, 0.82),
                trial(FINETUNE, 1, 0.78, 0.99), trial(FINETUNE, 2, 0.78, 0.99), trial(FINETUNE, 3, 0.78, 0.99)));
        StudyStatistics s = StudyStatistics.of(trials);
        assertEquals(PROBE, s.bestBaseline().orElseThrow().key());
        PairedComparison c = s.comparison(LR05).orElseThrow();
        assertEquals(List.of(1L, 2L, 3L), c.seeds());
        assertEquals(0.05, c.differences().get(0), 1e-12);
        assertEquals(0.05, c.differences().get(1), 1e-12);
        assertEquals(0.04, c.differences().get(2), 1e-12);
        assertEquals(0.14 / 3, c.difference().mean(), 1e-12);
        assertEquals(T2 / 300, c.difference().halfWidth(), 1e-10);
        assertEquals(Verdict.BETTER, c.verdict());
        assertEquals("better than linear-probe by 0.047 [0.032, 0.061], paired over 3 seeds", c.inWords());
        assertTrue(s.summary().contains("The best baseline by validation is linear-probe (test 0.817 ±"),
                s.summary());
        // the only reprogramming configuration: nothing tells it apart from another one, so its label is the method
        assertTrue(s.summary().startsWith("reprogram wins by validation (mean best validation accuracy 0.910;"),
                s.summary());
        assertTrue(s.summary().contains("reprogram is better than linear-probe by 0.047 [0.032, 0.061]"), s.summary());
        // finetune against linear-probe: 0.19, 0.16, 0.17 -> mean 0.173333, its interval lies above 0
        assertEquals(Verdict.BETTER, s.comparison(FINETUNE).orElseThrow().verdict());
        assertTrue(s.comparison(PROBE).isEmpty(), "the best baseline is not compared with itself");
        // the order of the trials changes nothing
        Collections.shuffle(trials, new Random(7));
        assertEquals(s.leaderboard(), StudyStatistics.of(trials).leaderboard());
    }

    @Test
    void aWorseConfigurationAndAnIntervalContainingZero() {
        // lr 0.1 minus linear-probe: 0.02, -0.01, 0.005: mean 0.005; deviations 0.015, -0.015, 0: squares 0.00045,
        // / 2 = 0.000225, sd 0.015; half-width 4.302652729749 * 0.015 / sqrt(3) = 0.037262066: [-0.032262, 0.042262]
        // lr 0.05 minus linear-probe: -0.04, -0.05, -0.06: mean -0.05, sd 0.01, half 0.024841377: [-0.074841, -0.025159]
        StudyStatistics s = StudyStatistics.of(List.of(
                trial(PROBE, 1, 0.80, 0.80), trial(PROBE, 2, 0.80, 0.81), trial(PROBE, 3, 0.80, 0.82),
                trial(LR1, 1, 0.70, 0.82), trial(LR1, 2, 0.70, 0.80), trial(LR1, 3, 0.70, 0.825),
                trial(LR05, 1, 0.75, 0.76), trial(LR05, 2, 0.75, 0.76), trial(LR05, 3, 0.75, 0.76)));
        PairedComparison zero = s.comparison(LR1).orElseThrow();
        assertEquals(0.005, zero.difference().mean(), 1e-12);
        assertEquals(0.015, zero.difference().sd(), 1e-12);
        assertEquals(0.037262066, zero.difference().halfWidth(), 1e-8);
        assertTrue(zero.difference().contains(0));
        assertEquals(Verdict.NOT_DISTINGUISHABLE, zero.verdict());
        assertEquals("not distinguishable from linear-probe: 0.005 [-0.032, 0.042], paired over 3 seeds",
                zero.inWords());
        PairedComparison worse = s.comparison(LR05).orElseThrow();
        assertEquals(-0.05, worse.difference().mean(), 1e-12);
        assertEquals(0.024841377, worse.difference().halfWidth(), 1e-8);
        assertEquals(Verdict.WORSE, worse.verdict());
        assertEquals("worse than linear-probe by 0.050 (difference -0.050 [-0.075, -0.025], paired over 3 seeds)",
                worse.inWords());
        // the baseline wins here: the summary names the best reprogramming configuration and its comparison
        assertTrue(s.summary().startsWith("linear-probe wins by validation"), s.summary());
        assertTrue(s.summary().contains("The best reprogramming configuration by validation, lr 0.05 (test 0.760 ± "
                + "0.000 (95 % CI), n = 3), is worse than linear-probe"), s.summary());
    }

    @Test
    void missingSeedsArePairedOnTheCommonOnesOrStated() {
        ConfigurationKey lr2 = reprogram("0.2");
        ConfigurationKey lr3 = reprogram("0.3");
        StudyStatistics s = StudyStatistics.of(List.of(
                trial(PROBE, 1, 0.80, 0.80), trial(PROBE, 2, 0.80, 0.81), trial(PROBE, 3, 0.80, 0.82),
                // seeds 1, 2, 4: paired on 1 and 2: 0.83 - 0.80 = 0.03, 0.82 - 0.81 = 0.01; mean 0.02,
                // sd sqrt((0.01^2 + 0.01^2) / 1) = 0.0141421, half 12.706204736 * 0.0141421 / sqrt(2) = 0.127062047
                trial(LR05, 1, 0.9, 0.83), trial(LR05, 2, 0.9, 0.82), trial(LR05, 4, 0.9, 0.99),
                trial(LR1, 5, 0.7, 0.9), // no common seed
                trial(lr2, 3, 0.6, 0.84), trial(lr2, 9, 0.6, 0.5), // one common seed: 0.84 - 0.82 = 0.02
                trial(lr3, 1, 0.5, 0.8), trial(lr3, 1, 0.5, 0.7), trial(lr3, 2, 0.5, 0.8))); // seed 1 twice: 0.75
        PairedComparison two = s.comparison(LR05).orElseThrow();
        assertEquals(List.of(1L, 2L), two.seeds());
        assertEquals(0.02, two.difference().mean(), 1e-12);
        assertEquals(0.127062047, two.difference().halfWidth(), 1e-8);
        assertEquals(Verdict.NOT_DISTINGUISHABLE, two.verdict());
        PairedComparison none = s.comparison(LR1).orElseThrow();
        assertEquals(Verdict.NO_COMMON_SEED, none.verdict());
        assertTrue(none.seeds().isEmpty());
        assertEquals("no seed in common with linear-probe: not compared", none.inWords());
        PairedComparison one = s.comparison(lr2).orElseThrow();
        assertEquals(Verdict.TOO_FEW_SEEDS, one.verdict());
        assertEquals(0.02, one.difference().mean(), 1e-12);
        assertEquals("one seed in common with linear-probe (difference 0.020): too few for an interval",
                one.inWords());
        PairedComparison repeated = s.comparison(lr3).orElseThrow();
        // seed 1 run twice counts as its mean (0.8 + 0.7) / 2 = 0.75: differences -0.05 and -0.01
        assertEquals(List.of(-0.05, -0.01), repeated.differences().stream().map(d -> Math.rint(d * 1e9) / 1e9).toList());
        assertFalse(s.summary().contains("NaN"), s.summary());
    }

    @Test
    void tiesOnValidationAreBrokenByParametersThenByNameAndStated() {
        TrialOutcome big = TrialOutcome.completed("a", LR05, 1, 0.9, 0.7, 500, 10, 0);
        TrialOutcome small = TrialOutcome.completed("b", LR1, 1, 0.9, 0.6, 50, 10, 0);
        StudyStatistics s = StudyStatistics.of(List.of(big, small));
        assertEquals(LR1, s.winner().orElseThrow().key(), "fewer trainable parameters wins the tie");
        assertEquals(List.of(LR05), s.tiedWithWinner().stream().map(ConfigurationStats::key).toList());
        assertTrue(s.summary().contains("It ties on validation with lr 0.05: " + StudyStatistics.TIE_RULE),
                s.summary());
        TrialOutcome sameSize = TrialOutcome.completed("c", LR05, 1, 0.9, 0.7, 50, 10, 0);
        assertEquals(LR05, StudyStatistics.of(List.of(small, sameSize)).winner().orElseThrow().key(),
                "then by label: \"lr 0.05\" before \"lr 0.1\"");
    }

    @Test
    void notCompletedTrialsAreLeftOutAndSaid() {
        TrialOutcome failed = new TrialOutcome("f", LR05, null, 3, Double.NaN, Double.NaN, 0, 1, 0, "failed");
        TrialOutcome stopped = new TrialOutcome("s", LR05, null, 4, 0.99, 0.99, 100, 5, 0, "stopped");
        StudyStatistics s = StudyStatistics.of(List.of(trial(LR05, 1, 0.9, 0.8), failed, stopped));
        assertEquals(1, s.winner().orElseThrow().n(), "the stopped run's 0.99 is not averaged in");
        assertEquals(0.8, s.winner().orElseThrow().test().mean(), 0);
        assertEquals(List.of(failed, stopped), s.leftOut());
        assertTrue(s.summary().endsWith("2 trials did not complete and are left out (failed 1, stopped 1)."),
                s.summary());
        StudyStatistics nothing = StudyStatistics.of(List.of(failed));
        assertTrue(nothing.winner().isEmpty());
        assertEquals("No completed trial: nothing to compare. 1 trial did not complete and is left out (failed 1).",
                nothing.summary());
    }

    @Test
    void outcomesFromRunRecordsGroupByEverythingButTheSeed() {
        RunSpec base = RunSpec.defaults("digits");
        List<RunRecord> runs = List.of(
                run(base.with(Settings.SEED, 1L), RunStatus.COMPLETED, 0.90, 0.85),
                run(base.with(Settings.SEED, 2L), RunStatus.COMPLETED, 0.92, 0.87),
                run(base.with(Settings.SEED, 3L), RunStatus.FAILED, Double.NaN, Double.NaN),
                run(base.with(Settings.LR, 0.5).with(Settings.SEED, 1L), RunStatus.COMPLETED, 0.5, 0.4),
                run(RunSpec.baseline(Method.LINEAR_PROBE, "digits").with(Settings.SEED, 1L), RunStatus.COMPLETED,
                        0.8, 0.8),
                RunRecord.unreadable(Path.of("broken"), "no config.json"));
        TrialOutcome first = TrialOutcome.fromRun(runs.get(0));
        assertEquals(1, first.seed());
        assertEquals(0.85, first.testAccuracyAtBestVal(), 0);
        assertEquals(TrialOutcome.fromRun(runs.get(1)).configuration(), first.configuration(), "seed is not in the key");
        StudyStatistics s = StudyStatistics.ofRuns(runs);
        assertEquals(3, s.leaderboard().size());
        ConfigurationStats w = s.winner().orElseThrow();
        assertEquals(2, w.n());
        assertEquals(List.of(1L, 2L), w.seeds());
        assertEquals(0.86, w.test().mean(), 1e-12);
        assertEquals("lr " + Settings.LR.display(base), w.label(), "only the learning rate tells the two apart");
        assertEquals("lr 0.5", s.leaderboard().get(2).label());
        assertEquals("linear-probe", s.bestBaseline().orElseThrow().label());
        assertEquals(Verdict.TOO_FEW_SEEDS, s.comparison(w.key()).orElseThrow().verdict());
        assertEquals(1, s.leftOut().size());
        assertTrue(s.summary().contains("(failed 1)"), s.summary());
    }

    @Test
    void numbersAreWrittenWithAPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.820 ± 0.050 (95 % CI), n = 3", Estimate.of(0.80, 0.82, 0.84).inWords());
        } finally {
            Locale.setDefault(before);
        }
    }

    private static RunRecord run(RunSpec spec, RunStatus status, double val, double test) {
        TrainingResult r = TrainingResult.builder().status(status).method(spec.method().id()).seed(spec.seed())
                .bestValAccuracy(val).testAccuracyAtBestVal(test).testAccuracy(test).parameters(100, 1000)
                .wallSeconds(3).build();
        return new RunRecord(Path.of("run-" + spec.method().id() + "-" + spec.seed() + "-" + status.id()), spec,
                null, r, List.of(), List.of());
    }
}
