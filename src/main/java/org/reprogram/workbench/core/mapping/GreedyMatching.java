package org.reprogram.workbench.core.mapping;

/** The greedy one-to-one assignment used by FLM and ILM (Chen et al., ILM-VP CVPR'23). */
public final class GreedyMatching {

    private GreedyMatching() {}

    /** Integer counts (tests, hand-made matrices). */
    public static int[] oneToOne(int[][] f) {
        return oneToOne(Frequencies.toDouble(f));
    }

    /**
     * Repeatedly takes the largest entry F[s*][t*] among unused rows and columns and maps target
     * t* to source s*. Ties go to the smallest source index, then the smallest target index.
     * Follows ILM-VP's {@code generate_label_mapping_by_frequency} (OPTML-Group/ILM-VP): the
     * matching of {@link #manyToOne} with one source per target.
     *
     * @param f frequency matrix [K_s][K_t] with K_t <= K_s
     * @return for each target class its source class
     */
    public static int[] oneToOne(double[][] f) {
        int ks = f.length;
        int kt = f[0].length;
        if (kt > ks) {
            throw new IllegalArgumentException(kt + " target classes but only " + ks + " source classes");
        }
        int[][] single = manyToOne(f, 1);
        int[] result = new int[kt];
        for (int t = 0; t < kt; t++) {
            result[t] = single[t][0];
        }
        return result;
    }

    /**
     * ILM-VP's greedy matching with {@code mlm_num} = M: repeatedly takes the largest entry among
     * unused source rows and still open target columns, gives that source to that target, and
     * closes a target column once it holds M sources. Needs K_t * M <= K_s.
     *
     * @return for each target class its M source classes, in the order chosen
     */
    public static int[][] manyToOne(double[][] f, int m) {
        int ks = f.length;
        int kt = f[0].length;
        if ((long) kt * m > ks) {
            throw new IllegalArgumentException(kt + " target classes x " + m + " sources each exceeds the " + ks
                    + " source classes");
        }
        boolean[] rowUsed = new boolean[ks];
        int[][] result = new int[kt][m];
        int[] filled = new int[kt];
        for (int round = 0; round < kt * m; round++) {
            int bestS = -1;
            int bestT = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < ks; s++) {
                if (rowUsed[s]) {
                    continue;
                }
                for (int t = 0; t < kt; t++) {
                    if (filled[t] < m && f[s][t] > best) {
                        best = f[s][t];
                        bestS = s;
                        bestT = t;
                    }
                }
            }
            rowUsed[bestS] = true;
            result[bestT][filled[bestT]++] = bestS;
        }
        return result;
    }
}
