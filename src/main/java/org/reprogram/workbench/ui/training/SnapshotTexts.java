package org.reprogram.workbench.ui.training;

import java.util.Locale;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.ResultTexts;

/** How a program snapshot is drawn and labelled: signed or not, its legend, the learned scale (plain text). */
public final class SnapshotTexts {

    static final String EMPTY_CAPTION = "The learned program appears here when training starts.";
    static final String SIGNED_LEGEND = "value −1 … +1: black −1 · mid-gray 0 (no change) · white +1";
    static final String UNSIGNED_LEGEND = "frame value 0 … 1: black 0 · white 1 (sigmoid frame)";

    private SnapshotTexts() {}

    /**
     * Whether S's perturbation ranges over negative values. Snapshots saved before the field
     * existed read back with signedPerturbation false and inputScale 0 (new ones write NaN or
     * s ≥ 0.1): those were all drawn signed, so they still are.
     */
    static boolean signed(TrainingSnapshot s) {
        return s.signedPerturbation() || legacy(s);
    }

    /** The learned input scale s, or NaN when S's program has none. */
    static double inputScale(TrainingSnapshot s) {
        return s == null || legacy(s) ? Double.NaN : s.inputScale();
    }

    private static boolean legacy(TrainingSnapshot s) {
        return s.inputScale() == 0;
    }

    static String legend(TrainingSnapshot s) {
        return s == null ? "" : signed(s) ? SIGNED_LEGEND : UNSIGNED_LEGEND;
    }

    /** "live · epoch 3 (in progress) · step 120 · 1×32×32 · scale s = 1.62". */
    static String caption(TrainingSnapshot s, boolean live) {
        if (s == null) {
            return EMPTY_CAPTION;
        }
        double scale = inputScale(s);
        return (live ? "live · " : "") + (s.epoch() == 0 ? "initial program (epoch 0)"
                : "epoch " + s.epoch() + (s.epochEnd() ? " end" : " (in progress)")) + " · step " + s.step() + " · "
                + s.channels() + "×" + s.height() + "×" + s.width()
                + (Double.isNaN(scale) ? "" : " · scale s = " + scale(scale));
    }

    static String scale(double s) {
        return Double.isNaN(s) ? ResultTexts.NONE : String.format(Locale.ROOT, "%.2f", s);
    }
}
