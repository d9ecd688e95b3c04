package org.reprogram.workbench.ui.runs;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprogram.workbench.core.report.MeanStd;
import org.reprogram.workbench.core.run.ReplicateGroups;
import org.reprogram.workbench.core.run.ReplicateGroups.Figure;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.ui.common.ResultTexts;

/**
 * The compare table's line of a group of replicates: n, test accuracy as mean ± sample std, the
 * other figures as means over the runs that have them, the seeds joined.
 */
final class ReplicateRows {

    private ReplicateRows() {}

    /** The line of G, named NAME (a single run keeps its own line, with n = 1). */
    static ComparisonViewModel.Row row(ReplicateGroups.Group g, String name) {
        if (g.n() == 1) {
            return ComparisonViewModel.row(g.first());
        }
        RunRecord first = g.first();
        if (name.equals(first.displayName())) { // nothing tells the groups apart: say what they are
            name = first.isBaseline() ? ResultTexts.method(first)
                    : RunsViewModel.program(first) + " · " + RunsViewModel.mapping(first);
        }
        Map<RunParameter, String> params = new java.util.LinkedHashMap<>();
        for (RunParameter p : RunParameter.values()) {
            params.put(p, g.value(p));
        }
        LinkedHashSet<String> statuses = new LinkedHashSet<>();
        g.runs().forEach(r -> statuses.add(r.status()));
        String folders = String.join("\n", g.runs().stream().map(RunRecord::name).toList());
        return new ComparisonViewModel.Row(name, folders, "", String.join(", ", statuses), ResultTexts.method(first),
                RunsViewModel.program(first), RunsViewModel.mapping(first), RunsViewModel.trainer(first),
                meanStd(g.stat(Figure.TEST_ACCURACY)), pct(g.stat(Figure.TEST_AT_BEST_VAL)),
                pct(g.stat(Figure.BEST_VAL)), (int) Math.round(orZero(g.stat(Figure.EPOCHS).mean())),
                number(g.stat(Figure.QUERIES), "%,.0f"), number(g.stat(Figure.TRAINABLE), "%.0f"),
                number(g.stat(Figure.WALL_SECONDS), "%.1f"), number(g.stat(Figure.IMAGES_PER_SECOND), "%.0f"),
                Collections.unmodifiableMap(params), g.n(), zeroShot(g));
    }

    /** The mean zero-shot accuracy of G's runs that have one ("-" when none has). */
    private static String zeroShot(ReplicateGroups.Group g) {
        double[] z = g.runs().stream().mapToDouble(RunRecord::zeroShotAccuracy).filter(v -> !Double.isNaN(v))
                .toArray();
        return z.length == 0 ? ResultTexts.NONE : ResultTexts.pct(java.util.Arrays.stream(z).average().orElseThrow());
    }

    /** "85.0 ± 5.0 %"; one value: "85.0 %"; none: "-". */
    static String meanStd(MeanStd s) {
        if (s.n() == 0) {
            return ResultTexts.NONE;
        }
        if (s.n() == 1) {
            return ResultTexts.pct(s.mean());
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f %%", 100 * s.mean(), 100 * s.std());
    }

    /** "6 runs in 2 groups of the same settings but the seed (...)". */
    static String summary(int runs, List<ReplicateGroups.Group> groups) {
        return String.format(Locale.ROOT, "%d %s in %d %s of the same settings but the seed: test accuracy mean ±"
                + " sample std over the seeds, the other figures are means.", runs, runs == 1 ? "run" : "runs",
                groups.size(), groups.size() == 1 ? "group" : "groups");
    }

    private static String pct(MeanStd s) {
        return s.n() == 0 ? ResultTexts.NONE : ResultTexts.pct(s.mean());
    }

    private static String number(MeanStd s, String format) {
        return s.n() == 0 ? ResultTexts.NONE : String.format(Locale.ROOT, format, s.mean());
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
