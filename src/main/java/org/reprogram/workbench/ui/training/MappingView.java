package org.reprogram.workbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.HeatmapView;

/**
 * The label mapping as a heatmap: rows are target classes, columns source classes, shade is the
 * weight relative to the row; on the right, the source class(es) each target class is read from.
 */
public final class MappingView extends HeatmapView {

    public MappingView() {
        super(20);
    }

    public void show(TrainingSnapshot s, RunInfo info) {
        if (s == null || s.mappingWeights() == null || s.mappingWeights().length == 0) {
            setData(new double[0][0], null, null, List.of(), List.of(), List.of());
            return;
        }
        float[][] w = s.mappingWeights();
        int ks = w.length;
        int kt = w[0].length;
        List<String> tn = info == null ? null : info.targetClasses();
        List<String> sn = info == null ? null : info.sourceClasses();
        double[][] shade = new double[kt][ks];
        String[][] tips = new String[kt][ks];
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int t = 0; t < kt; t++) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            int best = 0;
            for (int src = 0; src < ks; src++) {
                min = Math.min(min, w[src][t]);
                max = Math.max(max, w[src][t]);
                best = w[src][t] > w[best][t] ? src : best;
            }
            for (int src = 0; src < ks; src++) {
                shade[t][src] = max > min ? (w[src][t] - min) / (max - min) : 0;
                tips[t][src] = String.format(Locale.ROOT, "target %s ← source %s: weight %.4g",
                        SampleViews.name(tn, t), SampleViews.name(sn, src), w[src][t]);
            }
            int[] sources = s.assignment() != null ? s.assignment()[t] : new int[] {best};
            StringBuilder note = new StringBuilder("← ");
            for (int i = 0; i < sources.length; i++) {
                note.append(i == 0 ? "" : ", ").append(SampleViews.name(sn, sources[i]));
            }
            if (s.assignment() == null) {
                note.append(String.format(Locale.ROOT, " (weight %.2f)", w[best][t])); // the strongest source's weight
            }
            rows.add(SampleViews.name(tn, t));
            notes.add(note.toString());
        }
        List<String> cols = new ArrayList<>();
        for (int src = 0; src < ks; src++) {
            cols.add(SampleViews.name(sn, src));
        }
        setData(shade, null, tips, rows, cols, notes);
    }
}
