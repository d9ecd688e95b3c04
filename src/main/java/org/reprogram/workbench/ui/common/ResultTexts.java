package org.reprogram.workbench.ui.common;

import java.util.Locale;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * A run's outcome in words for the status line and the run tables (plain text, no JavaFX).
 * Results saved before a field existed read back as 0/null/NaN and show "-".
 */
public final class ResultTexts {

    public static final String NONE = "-";

    private ResultTexts() {}

    public static String pct(double v) {
        return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    /** Final test accuracy (state after the last epoch). */
    public static String finalAccuracy(TrainingResult r) {
        return r == null ? NONE : pct(r.testAccuracy());
    }

    /** Test accuracy of the best-validation epoch's state, with that epoch: "81.2 % (epoch 7)". */
    public static String atBestVal(TrainingResult r) {
        if (r == null || r.bestEpoch() <= 0 || Double.isNaN(r.testAccuracyAtBestVal())) {
            return NONE;
        }
        return pct(r.testAccuracyAtBestVal()) + " (epoch " + r.bestEpoch() + ")";
    }

    public static String bestVal(TrainingResult r) {
        return r == null ? NONE : pct(r.bestValAccuracy());
    }

    /** "reprogramming", "linear probe", "fine-tuning", "from scratch" (unknown ids as they are). */
    public static String method(String id) {
        if (id == null || id.isEmpty()) {
            return NONE;
        }
        return switch (id) {
            case TrainingResult.METHOD_REPROGRAM -> "reprogramming";
            case "linear-probe" -> "linear probe";
            case "finetune" -> "fine-tuning";
            case "scratch" -> "from scratch";
            default -> id;
        };
    }

    public static String method(RunRecord r) {
        if (r.result() != null) {
            return method(r.result().method());
        }
        return r.config() != null && r.config().program() != null ? method(TrainingResult.METHOD_REPROGRAM) : NONE;
    }

    /**
     * Model queries of a black-box run: the total and, where recorded, what they were for, as
     * "12,000 (10,000 + 1,000 + 1,000)" = training + label mapping + evaluation; "-" for white-box runs.
     */
    public static String queries(TrainingResult r, String trainer) {
        if (r == null || !"blackbox".equals(trainer) || r.queries() <= 0) {
            return NONE;
        }
        String total = String.format(Locale.ROOT, "%,d", r.queries());
        if (r.trainingQueries() + r.mappingQueries() + r.evaluationQueries() <= 0) {
            return total;
        }
        return String.format(Locale.ROOT, "%s (%,d + %,d + %,d)", total, r.trainingQueries(), r.mappingQueries(),
                r.evaluationQueries());
    }

    /** The total only (the runs list). */
    public static String totalQueries(TrainingResult r, String trainer) {
        String q = queries(r, trainer);
        int cut = q.indexOf(" (");
        return cut < 0 ? q : q.substring(0, cut);
    }

    /** The status line's tail: ": test accuracy 80.0 % (81.2 % at the best validation epoch 7), 2 epochs, …". */
    public static String summary(TrainingResult r) {
        if (r == null) {
            return "";
        }
        String best = atBestVal(r).equals(NONE) ? "" : " (" + pct(r.testAccuracyAtBestVal())
                + " at the best validation epoch " + r.bestEpoch() + ")";
        return String.format(Locale.ROOT, ": test accuracy %s%s, %d epochs, %.1f s, %.0f img/s%s", finalAccuracy(r),
                best, r.epochs(), r.wallSeconds(),
                r.imagesPerSecond(), r.message() == null ? "" : " (" + Fields.words(r.message()) + ")");
    }

    public static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
