package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.study.EarlyTerminate;
import org.reprogram.workbench.core.study.EpochBudget;
import org.reprogram.workbench.core.study.SearchMethod;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudySpec;
import org.reprogram.workbench.core.study.SweepParameter;

/**
 * What a study swept, as the Markdown bullet list of report.md: each parameter with its values or
 * distribution, the search method, the seeds, the baselines, and early termination with its rungs
 * and the epochs spent against the full grid.
 */
final class SweepInWords {

    private SweepInWords() {}

    static List<String> bullets(StudyResults results) {
        StudySpec spec = results.spec();
        List<String> out = new ArrayList<>();
        String search = spec.method() == SearchMethod.GRID ? "grid (every combination of the values)"
                : "random (" + spec.runCap() + " configurations drawn with seed " + spec.seed() + ")";
        out.add("Search: " + search + "; " + results.trials().size() + " trials in all.");
        if (spec.parameters().isEmpty()) {
            out.add("Swept settings: none (the base run with each seed).");
        }
        for (SweepParameter p : spec.parameters()) {
            out.add("`" + p.id() + "`: " + values(p));
        }
        out.add("Seeds: " + String.join(", ", spec.seeds().stream().map(String::valueOf).toList())
                + " (every configuration runs with each).");
        out.add("Baselines: " + (spec.baselines().isEmpty() ? "none"
                : String.join(", ", spec.baselines().stream().map(Method::id).toList())
                        + " (same source, target, splits and seeds)") + ".");
        out.add("Selection metric: " + spec.metric().name() + " (" + spec.metric().goal().id() + ").");
        out.add(earlyTermination(spec.earlyTerminate(), results.budget()));
        return out;
    }

    /** "[pad, full]" or "log_uniform_values from 0.001 to 0.1". */
    static String values(SweepParameter p) {
        if (p.distribution().isRange()) {
            return p.distribution().id() + " from " + plain(p.min()) + " to " + plain(p.max());
        }
        return String.join(", ", p.values().stream().map(v -> p.setting().parameter().formatObject(v)).toList());
    }

    private static String earlyTermination(EarlyTerminate e, EpochBudget budget) {
        String spent = budget == null ? "" : spent(budget);
        if (e == null) {
            return "Early termination: none; every trial trains its full epochs" + (spent.isEmpty() ? "." : " (" + spent
                    + ").");
        }
        StringBuilder s = new StringBuilder("Early termination: successive halving (" + e.type() + ", min_iter "
                + e.minIter() + ", eta " + e.eta() + ")");
        if (budget != null && !budget.rungs().isEmpty()) {
            List<String> rungs = new ArrayList<>();
            for (EpochBudget.Rung r : budget.rungs()) {
                rungs.add(plural(r.epochs(), "epoch") + ": " + plural(r.configurations(), "configuration")
                        + (r.promoted() > 0 ? ", " + r.promoted() + " promoted" : ""));
            }
            s.append("; rungs ").append(String.join("; ", rungs));
        }
        if (budget != null) {
            s.append(". Successive halving used ").append(percent(budget.share())).append(" of the full grid's epoch budget (")
                    .append(budget.spent()).append(" of ").append(budget.full()).append(" epochs)");
        }
        return s.append('.').toString();
    }

    private static String spent(EpochBudget b) {
        return b.spent() + " of " + b.full() + " epochs";
    }

    /** "1 epoch", "3 epochs". */
    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** "38 %". */
    static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.format(Locale.ROOT, "%.0f", x)
                : java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
