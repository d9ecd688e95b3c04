package org.reprogram.workbench.core.mapping;

/** Small helpers for frequency matrices F[K_s][K_t]. */
public final class Frequencies {

    private Frequencies() {}

    public static double[][] toDouble(int[][] f) {
        double[][] d = new double[f.length][];
        for (int s = 0; s < f.length; s++) {
            d[s] = new double[f[s].length];
            for (int t = 0; t < f[s].length; t++) {
                d[s][t] = f[s][t];
            }
        }
        return d;
    }

    /** BLM+'s k: max(1, floor(0.15 * K_t)) (the authors' int(0.15 * K_t) is 0 below 7 classes). */
    public static int blmPlusK(int targetClasses) {
        return Math.max(1, (int) Math.floor(0.15 * targetClasses));
    }
}
