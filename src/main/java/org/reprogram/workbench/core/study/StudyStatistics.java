package org.reprogram.workbench.core.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.reprogram.workbench.core.run.RunRecord;

/**
 * The statistics of a study: its completed trials grouped by configuration (all settings but the
 * seed), ranked by mean best VALIDATION accuracy, never by test; the winner is the first, and its
 * test accuracy at the best validation epoch is what is reported. Every configuration but the best
 * baseline (the best by validation among the baseline methods) is compared with it paired by seed.
 *
 * <p>Ranking: higher mean validation accuracy first (means equal to 1e-9 are a tie); ties are
 * broken by fewer mean trainable parameters, then by label, then by key, so the order never
 * depends on the order of the trials.
 *
 * @param leaderboard the configurations, best by validation first
 * @param comparisons each configuration's comparison with the best baseline, by key (none for the
 *     best baseline itself; empty when the study has no baseline)
 * @param leftOut the trials that take no part (not completed, or without accuracies)
 */
public record StudyStatistics(List<ConfigurationStats> leaderboard, Map<ConfigurationKey, PairedComparison> comparisons,
        List<TrialOutcome> leftOut) {

    /** How the order of configurations with the same mean validation accuracy is decided, in words. */
    public static final String TIE_RULE = "ties on validation are broken by fewer trainable parameters, then by name";

    /** Validation means closer than this are a tie. */
    static final double TIE = 1e-9;

    public StudyStatistics {
        leaderboard = List.copyOf(leaderboard);
        comparisons = Map.copyOf(comparisons);
        leftOut = List.copyOf(leftOut);
    }

    /** The statistics of the readable RUNS (folders that cannot be read are skipped). */
    public static StudyStatistics ofRuns(List<RunRecord> runs) {
        return of(runs.stream().filter(r -> r.readable() && r.config() != null).map(TrialOutcome::fromRun).toList());
    }

    /** The statistics of TRIALS; those that do not count ({@link TrialOutcome#counts()}) are listed in leftOut. */
    public static StudyStatistics of(List<TrialOutcome> trials) {
        Map<ConfigurationKey, List<TrialOutcome>> groups = new LinkedHashMap<>();
        List<TrialOutcome> leftOut = new ArrayList<>();
        for (TrialOutcome t : trials) {
            if (t.counts()) {
                groups.computeIfAbsent(t.configuration(), k -> new ArrayList<>()).add(t);
            } else {
                leftOut.add(t);
            }
        }
        // trials in seed order (then id): the sums, and so the last digits, do not depend on the order given
        groups.values().forEach(g -> g.sort(Comparator.comparingLong(TrialOutcome::seed)
                .thenComparing(TrialOutcome::trialId)));
        List<ConfigurationStats> board = new ArrayList<>();
        groups.forEach((key, group) -> board.add(ConfigurationStats.of(key, key.labelAmong(groups.keySet()), group)));
        board.sort(RANKING);
        Map<ConfigurationKey, PairedComparison> comparisons = new LinkedHashMap<>();
        Optional<ConfigurationStats> best = board.stream().filter(ConfigurationStats::isBaseline).findFirst();
        best.ifPresent(b -> {
            SortedMap<Long, Double> base = bySeed(groups.get(b.key()));
            for (ConfigurationStats c : board) {
                if (c != b) {
                    comparisons.put(c.key(), PairedComparison.of(c.label(), b.label(), bySeed(groups.get(c.key())), base));
                }
            }
        });
        return new StudyStatistics(board, comparisons, leftOut);
    }

    /** The leaderboard's order: validation, then trainable parameters, label and key. */
    static final Comparator<ConfigurationStats> RANKING = Comparator
            .comparingDouble((ConfigurationStats c) -> -Math.rint(c.validation().mean() / TIE))
            .thenComparingDouble(ConfigurationStats::meanTrainableParameters)
            .thenComparing(ConfigurationStats::label)
            .thenComparing(c -> c.key().toString());

    /** Seed to the mean test accuracy (at the best validation epoch) of that seed's TRIALS. */
    private static SortedMap<Long, Double> bySeed(List<TrialOutcome> trials) {
        SortedMap<Long, double[]> sums = new TreeMap<>();
        for (TrialOutcome t : trials) {
            double[] s = sums.computeIfAbsent(t.seed(), k -> new double[2]);
            s[0] += t.testAccuracyAtBestVal();
            s[1]++;
        }
        SortedMap<Long, Double> out = new TreeMap<>();
        sums.forEach((seed, s) -> out.put(seed, s[0] / s[1]));
        return out;
    }

    /** The configuration with the best mean validation accuracy; empty when no trial counts. */
    public Optional<ConfigurationStats> winner() {
        return leaderboard.stream().findFirst();
    }

    /** The best baseline by validation; empty when the study has none. */
    public Optional<ConfigurationStats> bestBaseline() {
        return leaderboard.stream().filter(ConfigurationStats::isBaseline).findFirst();
    }

    /** The best reprogramming configuration by validation; empty when there is none. */
    public Optional<ConfigurationStats> bestReprogramming() {
        return leaderboard.stream().filter(c -> !c.isBaseline()).findFirst();
    }

    /** KEY's comparison with the best baseline; empty for the best baseline or without baselines. */
    public Optional<PairedComparison> comparison(ConfigurationKey key) {
        return Optional.ofNullable(comparisons.get(key));
    }

    /** The configurations whose mean validation accuracy ties with the winner's (the winner excluded). */
    public List<ConfigurationStats> tiedWithWinner() {
        if (leaderboard.isEmpty()) {
            return List.of();
        }
        double top = Math.rint(leaderboard.get(0).validation().mean() / TIE);
        return leaderboard.stream().skip(1).filter(c -> Math.rint(c.validation().mean() / TIE) == top).toList();
    }

    /** The summary in words ({@link StudySummary}). */
    public String summary() {
        return StudySummary.of(this);
    }
}
