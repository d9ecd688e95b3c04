package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudyStatistics;
import org.reprogram.workbench.core.study.StudySpec;
import org.reprogram.workbench.core.study.TrialOutcome;

/**
 * report.md: the study's name and question, what was swept, the outcome in words ({@link
 * StudyStatistics#summary()}), the leaderboard ({@link LeaderboardTable}), the trials left out and
 * the figures.
 */
final class ReportMarkdown {

    private ReportMarkdown() {}

    static String text(StudyResults results) {
        StudySpec spec = results.spec();
        StudyStatistics stats = results.statistics();
        List<String> out = new ArrayList<>();
        String name = spec.name().isEmpty() ? results.dir().getFileName().toString() : spec.name();
        out.add("# Study: " + name);
        out.add("");
        if (!spec.description().isEmpty()) {
            out.add("_" + spec.description() + "_");
            out.add("");
        }
        out.add("## What was swept");
        out.add("");
        SweepInWords.bullets(results).forEach(b -> out.add("- " + b));
        out.add("");
        out.add("## Outcome");
        out.add("");
        out.add(stats.summary());
        out.add("");
        out.add("Configurations are chosen by validation (mean best validation accuracy over the seeds; "
                + StudyStatistics.TIE_RULE + "); test accuracy at each trial's best validation epoch is reported, "
                + "never used to choose.");
        out.add("");
        out.add("## Leaderboard");
        out.add("");
        out.add(LeaderboardTable.markdown(stats).stripTrailing());
        out.add("");
        out.add("n: completed trials (seeds). Test accuracy: mean ± sample standard deviation, and the 95 % "
                + "confidence interval of the mean (Student t); with n = 1 there is no interval (–). "
                + "The last column is the paired difference of test accuracy with the best baseline over the "
                + "seeds both have, with its 95 % interval and what it says.");
        out.add("");
        out.add(leftOut(stats.leftOut()));
        out.add("");
        out.add("Also as [leaderboard.csv](leaderboard.csv) and [leaderboard.tex](leaderboard.tex) (booktabs).");
        out.add("");
        out.add("## Figures");
        out.add("");
        out.add("![Test accuracy per configuration with 95 % CI](accuracy.png)");
        out.add("");
        out.add("Test accuracy per configuration, mean with its 95 % confidence interval, best by validation first "
                + "([SVG](accuracy.svg)).");
        out.add("");
        out.add("![Test accuracy against trainable parameters](pareto.png)");
        out.add("");
        out.add("Test accuracy against trainable parameters (log scale), with the Pareto front: more accuracy with "
                + "fewer parameters ([SVG](pareto.svg)).");
        out.add("");
        out.add("![Parallel coordinates of the swept settings](parallel.png)");
        out.add("");
        out.add("The swept settings of each reprogramming configuration against its mean best validation accuracy "
                + "([SVG](parallel.svg)).");
        return String.join("\n", out) + "\n";
    }

    /** "Trials left out: none." or the count, with each trial's id and reason. */
    static String leftOut(List<TrialOutcome> trials) {
        if (trials.isEmpty()) {
            return "Trials left out: none; every trial completed and counts.";
        }
        Map<String, List<String>> why = new TreeMap<>();
        trials.forEach(t -> why.computeIfAbsent(t.leftOutBecause(), k -> new ArrayList<>()).add(t.trialId()));
        List<String> parts = new ArrayList<>();
        why.forEach((reason, ids) -> parts.add(reason + ": " + String.join(", ", ids)));
        return "Trials left out (" + trials.size() + ", not in the statistics): " + String.join("; ", parts) + ".";
    }
}
