package org.reprogram.workbench.ui.training;

import org.reprogram.workbench.core.program.ProgramLegend;
import java.util.Locale;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.ResultTexts;

/** How a program snapshot is drawn and labelled: signed or not, its legend, the learned scale (plain text). */
public final class SnapshotTexts {

    static final String EMPTY_CAPTION = "The learned program appears here when training starts.";

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

    /** What the gray levels of S's program image mean for a program of KIND (null: unknown), or null without S. */
    static ProgramLegend legend(TrainingSnapshot s, org.reprogram.workbench.core.program.ProgramType kind) {
        return s == null ? null : ProgramLegend.of(kind, signed(s));
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

    /**
     * The run's figure in a few words (large in presentation mode): the test accuracy once a run
     * has it, else the newest epoch's validation (or training) accuracy.
     */
    static String headline(org.reprogram.workbench.core.train.EpochMetrics latest, int planned,
            org.reprogram.workbench.core.train.TrainingResult result, boolean running) {
        if (!running && result != null && !Double.isNaN(result.testAccuracy())) {
            return String.format(Locale.ROOT, "Test accuracy %.1f %% · %d epoch%s", 100 * result.testAccuracy(),
                    result.epochs(), result.epochs() == 1 ? "" : "s");
        }
        if (latest == null) {
            return running ? "Epoch 1 of " + planned + " starting …" : "";
        }
        boolean val = !Double.isNaN(latest.valAccuracy());
        return String.format(Locale.ROOT, "Epoch %d of %d · %s accuracy %.1f %%", latest.epoch(), planned,
                val ? "validation" : "training", 100 * (val ? latest.valAccuracy() : latest.trainAccuracy()));
    }

    static String scale(double s) {
        return Double.isNaN(s) ? ResultTexts.NONE : String.format(Locale.ROOT, "%.2f", s);
    }
}
