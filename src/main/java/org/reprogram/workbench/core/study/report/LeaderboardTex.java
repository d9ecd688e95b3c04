package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.Estimate;
import org.reprogram.workbench.core.study.PairedComparison;
import org.reprogram.workbench.core.study.StudyStatistics;

/**
 * The leaderboard as a LaTeX table for a paper: booktabs rules, plain columns, the best test mean in
 * bold, every label escaped, and a caption that says how configurations were chosen (validation)
 * and what the numbers are (mean ± 95 % CI half-width over the seeds). Needs
 * the booktabs package in the preamble.
 */
final class LeaderboardTex {

    private LeaderboardTex() {}

    /** The table of STATS for the study named STUDY. */
    static String text(String study, StudyStatistics stats) {
        Optional<ConfigurationStats> baseline = stats.bestBaseline();
        double bestTest = stats.leaderboard().stream().mapToDouble(c -> c.test().mean()).max().orElse(Double.NaN);
        List<String> lines = new ArrayList<>();
        lines.add("% " + escape(study) + ": leaderboard written by the workbench's study report; needs \\usepackage{booktabs}");
        lines.add("\\begin{table}[t]");
        lines.add("\\centering");
        lines.add("\\small");
        lines.add("\\caption{" + caption(study, stats) + "}");
        lines.add("\\label{tab:" + study.replaceAll("[^A-Za-z0-9:-]", "-") + "}");
        lines.add("\\begin{tabular}{rlrrrrrrl}");
        lines.add("\\toprule");
        lines.add("Rank & Configuration & $n$ & Test acc. & Val.\\ acc. & Params & Wall (s) & Queries & $\\Delta$ vs "
                + baseline.map(b -> escape(b.label())).orElse("baseline") + " \\\\");
        lines.add("\\midrule");
        int rank = 1;
        for (ConfigurationStats c : stats.leaderboard()) {
            String test = test(c.test());
            if (c.test().mean() == bestTest) {
                test = "\\textbf{" + test + "}";
            }
            lines.add(rank++ + " & " + escape(c.label()) + " & " + c.n() + " & " + test + " & "
                    + ReportFormat.num(c.validation().mean()) + " & " + ReportFormat.count(c.meanTrainableParameters())
                    + " & " + ReportFormat.seconds(c.meanWallSeconds()) + " & " + ReportFormat.count(c.meanQueries())
                    + " & " + versus(stats, c) + " \\\\");
        }
        lines.add("\\bottomrule");
        lines.add("\\end{tabular}");
        lines.add("\\end{table}");
        return String.join("\n", lines).replace(ReportFormat.NONE, "--") + "\n";
    }

    private static String caption(String study, StudyStatistics stats) {
        int min = stats.leaderboard().stream().mapToInt(ConfigurationStats::n).min().orElse(0);
        int max = stats.leaderboard().stream().mapToInt(ConfigurationStats::n).max().orElse(0);
        String n = min == max ? Integer.toString(min) : min + "--" + max;
        return escape(study) + ": configurations ranked and chosen by mean best validation accuracy; test accuracy "
                + "at the best validation epoch as mean $\\pm$ 95\\,\\% CI half-width (Student $t$) over " + n
                + " seeds (one seed: mean only). $\\Delta$: test accuracy minus the best baseline's, paired by seed, "
                + "with its 95\\,\\% CI.";
    }

    /** "0.820 ± 0.050" in LaTeX, "0.820" for n = 1. */
    private static String test(Estimate e) {
        return e.hasInterval() ? ReportFormat.num(e.mean()) + " $\\pm$ " + ReportFormat.num(e.halfWidth())
                : ReportFormat.num(e.mean());
    }

    private static String versus(StudyStatistics stats, ConfigurationStats c) {
        if (stats.bestBaseline().isEmpty()) {
            return "--";
        }
        Optional<PairedComparison> p = stats.comparison(c.key());
        if (p.isEmpty()) {
            return "(best baseline)";
        }
        Estimate d = p.get().difference();
        if (d.n() == 0) {
            return "no common seed";
        }
        String mean = "$" + ReportFormat.signed(d.mean()) + "$";
        return d.hasInterval() ? mean + " $[" + ReportFormat.num(d.low()) + ", " + ReportFormat.num(d.high()) + "]$"
                : mean + " (one seed)";
    }

    /** TEXT with LaTeX's special characters escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\textbackslash{}");
                case '_', '%', '&', '#', '$', '{', '}' -> out.append('\\').append(ch);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '±' -> out.append("$\\pm$");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
