package org.reprogram.workbench.ui.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.Estimate;
import org.reprogram.workbench.core.study.PairedComparison;
import org.reprogram.workbench.core.study.StudyStatistics;

/**
 * One row of the leaderboard: a configuration's completed trials summarised with 95 % confidence
 * intervals, in the statistics' order (best mean validation accuracy first).
 *
 * @param rank 1 for the best by validation
 * @param configuration the configuration's short name
 * @param n completed trials (seeds)
 * @param test mean test accuracy at the best validation epoch with its interval: "0.812 [0.790, 0.834]"
 * @param validation mean best validation accuracy
 * @param parameters mean trainable parameters
 * @param comparison the paired comparison with the best baseline in words ("" for it, or without baselines)
 */
public record LeaderRow(int rank, String configuration, int n, String test, String validation, String parameters,
        String comparison) {

    /** The rows of STATS. */
    static List<LeaderRow> of(StudyStatistics stats) {
        List<LeaderRow> out = new ArrayList<>();
        int rank = 1;
        for (ConfigurationStats c : stats.leaderboard()) {
            out.add(new LeaderRow(rank++, c.label(), c.n(), withInterval(c.test()), withInterval(c.validation()),
                    String.format(Locale.ROOT, "%,.0f", c.meanTrainableParameters()),
                    stats.comparison(c.key()).map(PairedComparison::inWords).orElse("")));
        }
        return out;
    }

    /** "0.812 [0.790, 0.834]", or "0.812 (n = 1)" without an interval. */
    static String withInterval(Estimate e) {
        String mean = String.format(Locale.ROOT, "%.3f", e.mean());
        return e.hasInterval() ? mean + " " + e.intervalInWords() : mean + " (n = 1)";
    }
}
