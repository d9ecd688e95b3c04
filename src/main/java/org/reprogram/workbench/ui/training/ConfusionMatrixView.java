package org.reprogram.workbench.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;
import org.reprogram.workbench.ui.common.HeatmapView;

/** The validation confusion matrix (rows: true class, columns: predicted): counts, green diagonal, red errors. */
public final class ConfusionMatrixView extends HeatmapView {

    private int[][] counts = new int[0][0];

    public ConfusionMatrixView() {
        super(30);
        setShader((r, c, v) -> r == c ? Color.rgb(27, 127, 59, 0.12 + 0.88 * v) : Color.rgb(179, 38, 30, v));
    }

    public void show(int[][] confusion, List<String> classNames) {
        counts = confusion == null ? new int[0][0] : confusion;
        int n = counts.length;
        int max = 1;
        for (int[] row : counts) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        double[][] shade = new double[n][n];
        String[][] text = new String[n][n];
        String[][] tips = new String[n][n];
        for (int t = 0; t < n; t++) {
            int rowSum = 0;
            for (int v : counts[t]) {
                rowSum += v;
            }
            for (int p = 0; p < n; p++) {
                shade[t][p] = counts[t][p] / (double) max;
                text[t][p] = Integer.toString(counts[t][p]);
                tips[t][p] = String.format(Locale.ROOT, "true %s, predicted %s: %d of %d (click to see them)",
                        SampleViews.name(classNames, t), SampleViews.name(classNames, p), counts[t][p], rowSum);
            }
        }
        setData(shade, text, tips, classNames == null ? List.of() : classNames,
                classNames == null ? List.of() : classNames, List.of());
    }

    /** The count in cell (true T, predicted P). */
    public int count(int t, int p) {
        return counts[t][p];
    }
}
