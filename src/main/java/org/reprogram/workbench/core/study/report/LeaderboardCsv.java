package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.Estimate;
import org.reprogram.workbench.core.study.PairedComparison;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudyStatistics;

/**
 * The leaderboard as CSV (RFC 4180: comma separated, CRLF line ends, a field with a comma, quote or
 * line break quoted with its quotes doubled), one row per configuration, best by validation first:
 * rank, label, method, every swept setting as its own column (its registry id; empty where the
 * setting does not apply), then the figures. Numbers are exact (the shortest text that reads back
 * as the value), empty where there is none (an interval with n = 1).
 */
final class LeaderboardCsv {

    /** The figures' columns, after the settings. */
    static final List<String> FIGURES = List.of("n", "seeds", "test_mean", "test_sd", "test_ci_low", "test_ci_high",
            "val_mean", "trainable_parameters", "wall_seconds", "queries", "baseline", "diff_mean", "diff_ci_low",
            "diff_ci_high", "verdict");

    private LeaderboardCsv() {}

    /** The CSV text of RESULTS' leaderboard. */
    static String text(StudyResults results) {
        StudyStatistics stats = results.statistics();
        List<String> settings = SweptSettings.ids(results);
        List<String> header = new ArrayList<>(List.of("rank", "configuration", "method"));
        header.addAll(settings);
        header.addAll(FIGURES);
        StringBuilder out = new StringBuilder(line(header));
        String baseline = stats.bestBaseline().map(ConfigurationStats::label).orElse("");
        int rank = 1;
        for (ConfigurationStats c : stats.leaderboard()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(rank++), c.label(), c.method()));
            settings.forEach(id -> row.add(SweptSettings.value(c.key(), id)));
            Estimate t = c.test();
            row.add(Integer.toString(c.n()));
            row.add(String.join(" ", c.seeds().stream().map(String::valueOf).toList()));
            row.add(ReportFormat.exact(t.mean()));
            row.add(ReportFormat.exact(t.sd()));
            row.add(ReportFormat.exact(t.low()));
            row.add(ReportFormat.exact(t.high()));
            row.add(ReportFormat.exact(c.validation().mean()));
            row.add(ReportFormat.exact(c.meanTrainableParameters()));
            row.add(ReportFormat.exact(c.meanWallSeconds()));
            row.add(ReportFormat.exact(c.meanQueries()));
            row.add(baseline);
            Optional<PairedComparison> p = stats.comparison(c.key());
            row.add(p.map(x -> ReportFormat.exact(x.difference().mean())).orElse(""));
            row.add(p.map(x -> ReportFormat.exact(x.difference().low())).orElse(""));
            row.add(p.map(x -> ReportFormat.exact(x.difference().high())).orElse(""));
            row.add(p.map(x -> x.verdict().words()).orElse(baseline.isEmpty() ? "" : "best baseline"));
            out.append(line(row));
        }
        return out.toString();
    }

    private static String line(List<String> fields) {
        return String.join(",", fields.stream().map(LeaderboardCsv::field).toList()) + "\r\n";
    }

    /** F quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String field(String f) {
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }
}
