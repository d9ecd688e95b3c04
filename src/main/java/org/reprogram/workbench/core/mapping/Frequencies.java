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

    /**
     * BLM+'s frequency step ({@code blmp_reweight_matrix}): each image's K highest source
     * probabilities, zeros elsewhere, not renormalised, added to F[source][true class].
     *
     * @param probs softmax probabilities, row-major [images][K_s]
     * @param labels true target class per image
     */
    public static void addTopK(float[] probs, int[] labels, int k, double[][] freq) {
        int ks = freq.length;
        Integer[] idx = new Integer[ks];
        for (int i = 0; i < labels.length; i++) {
            int row = i * ks;
            for (int s = 0; s < ks; s++) {
                idx[s] = s;
            }
            java.util.Arrays.sort(idx, (a, b) -> Float.compare(probs[row + b], probs[row + a]));
            for (int j = 0; j < k; j++) {
                freq[idx[j]][labels[i]] += probs[row + idx[j]];
            }
        }
    }
}
