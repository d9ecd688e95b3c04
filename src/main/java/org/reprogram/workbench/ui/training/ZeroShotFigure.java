package org.reprogram.workbench.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.ZeroShot;

/**
 * The zero-shot figure of a run on a vision-language source beside the curves: the level of the
 * dashed line on the accuracy chart (the zero-shot validation accuracy, its test accuracy when there is
 * no validation split) and "zero-shot 0.10 → now 0.85" against the newest validation accuracy (at the
 * end: the test accuracies). Nothing for a classifier's run. From the run's start
 * ({@link RunInfo#zeroShot()}) or, for a replayed run that lacks it there, its result.
 */
public final class ZeroShotFigure {

    private final ReadOnlyObjectWrapper<Double> level = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ObjectProperty<RunInfo> info;
    private final ObjectProperty<TrainingResult> result;
    private final ObservableList<EpochMetrics> metrics;

    ZeroShotFigure(ObjectProperty<RunInfo> info, ObjectProperty<TrainingResult> result,
            ObservableList<EpochMetrics> metrics) {
        this.info = info;
        this.result = result;
        this.metrics = metrics;
        info.addListener(o -> update());
        result.addListener(o -> update());
        metrics.addListener((javafx.collections.ListChangeListener<EpochMetrics>) c -> update());
        update();
    }

    /** The accuracy the dashed line marks, or null (no zero-shot figure). */
    public ReadOnlyObjectProperty<Double> level() {
        return level.getReadOnlyProperty();
    }

    /** "zero-shot 0.10 → now 0.85 (validation accuracy)", or "" for a classifier's run. */
    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    private void update() {
        ZeroShot z = ZeroShot.recorded(info.get(), result.get());
        level.set(z == null ? null : Double.isNaN(z.validationAccuracy()) ? z.testAccuracy() : z.validationAccuracy());
        text.set(text(z, metrics, result.get()));
    }

    /** The line's words for Z (null: ""), with METRICS so far and RESULT once the run has ended. */
    static String text(ZeroShot z, List<EpochMetrics> metrics, TrainingResult result) {
        if (z == null) {
            return "";
        }
        if (result != null && !Double.isNaN(result.testAccuracy()) && !Double.isNaN(z.testAccuracy())) {
            return String.format(Locale.ROOT, "zero-shot %.2f → %.2f (test accuracy)", z.testAccuracy(),
                    result.testAccuracy());
        }
        boolean val = !Double.isNaN(z.validationAccuracy());
        double zero = val ? z.validationAccuracy() : z.testAccuracy();
        String what = val ? "validation accuracy" : "test accuracy";
        double now = Double.NaN;
        for (int i = metrics.size() - 1; i >= 0 && val && Double.isNaN(now); i--) {
            now = metrics.get(i).valAccuracy();
        }
        return Double.isNaN(now) ? String.format(Locale.ROOT, "zero-shot %.2f (%s, no program)", zero, what)
                : String.format(Locale.ROOT, "zero-shot %.2f → now %.2f (%s)", zero, now, what);
    }
}
