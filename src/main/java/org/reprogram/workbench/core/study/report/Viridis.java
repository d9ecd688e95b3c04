package org.reprogram.workbench.core.study.report;

import java.awt.Color;

/**
 * The viridis colour scale (perceptually uniform, readable in grey and by colour-blind readers),
 * from 9 anchor colours of matplotlib's table, interpolated linearly.
 */
final class Viridis {

    private static final int[][] ANCHORS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};

    private Viridis() {}

    /** The colour at F (0 dark purple .. 1 yellow, clamped) with ALPHA (0..255). */
    static Color at(double f, int alpha) {
        double x = Double.isFinite(f) ? Math.max(0, Math.min(1, f)) * (ANCHORS.length - 1) : 0;
        int i = Math.min((int) x, ANCHORS.length - 2);
        double t = x - i;
        int[] a = ANCHORS[i];
        int[] b = ANCHORS[i + 1];
        return new Color((int) Math.round(a[0] + t * (b[0] - a[0])), (int) Math.round(a[1] + t * (b[1] - a[1])),
                (int) Math.round(a[2] + t * (b[2] - a[2])), alpha);
    }
}
