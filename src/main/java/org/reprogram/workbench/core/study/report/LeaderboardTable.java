package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.PairedComparison;
import org.reprogram.workbench.core.study.StudyStatistics;

/**
 * A study's leaderboard as a Markdown table, best by validation first: the table of report.md, and
 * the one to paste into a README. Test accuracy is at each trial's best validation epoch, as mean ±
 * standard deviation and its 95 % Student t interval; the last column compares each configuration
 * with the best baseline paired by seed. n = 1 shows the mean alone and a dash for the interval.
 */
public final class LeaderboardTable {

    private LeaderboardTable() {}

    /** The table of STATS (a header and one row per configuration; only the header without any). */
    public static String markdown(StudyStatistics stats) {
        Optional<ConfigurationStats> baseline = stats.bestBaseline();
        String versus = baseline.map(b -> "vs " + cell(b.label()) + " (paired diff. [95 % CI])")
                .orElse("vs best baseline");
        List<String> lines = new ArrayList<>();
        lines.add(row("Rank", "Configuration", "n", "Test acc. (mean ± sd)", "Test 95 % CI", "Best val. acc. (mean)",
                "Trainable params", "Wall s", "Queries", versus));
        lines.add("|---:|:---|---:|---:|:---:|---:|---:|---:|---:|:---|");
        int rank = 1;
        for (ConfigurationStats c : stats.leaderboard()) {
            lines.add(row(Integer.toString(rank++), cell(c.label()), Integer.toString(c.n()),
                    ReportFormat.meanSd(c.test()), ReportFormat.interval(c.test()),
                    ReportFormat.num(c.validation().mean()), ReportFormat.count(c.meanTrainableParameters()),
                    ReportFormat.seconds(c.meanWallSeconds()), ReportFormat.count(c.meanQueries()),
                    versus(stats, c)));
        }
        return String.join("\n", lines) + "\n";
    }

    /** "+0.040 [0.010, 0.070] better", "best baseline", "+0.020 (one seed)" or a dash without baselines. */
    static String versus(StudyStatistics stats, ConfigurationStats c) {
        if (stats.bestBaseline().isEmpty()) {
            return ReportFormat.NONE;
        }
        Optional<PairedComparison> p = stats.comparison(c.key());
        if (p.isEmpty()) {
            return "best baseline";
        }
        PairedComparison cmp = p.get();
        return switch (cmp.verdict()) {
            case NO_COMMON_SEED -> cmp.verdict().words();
            case TOO_FEW_SEEDS -> ReportFormat.signed(cmp.difference().mean()) + " (" + cmp.verdict().words() + ")";
            default -> ReportFormat.signed(cmp.difference().mean()) + " " + cmp.difference().intervalInWords() + " "
                    + cmp.verdict().words();
        };
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    /** TEXT safe in a table cell: a | would end the cell. */
    static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
