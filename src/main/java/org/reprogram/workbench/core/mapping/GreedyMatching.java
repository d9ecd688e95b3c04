package org.reprogram.workbench.core.mapping;

/** The greedy one-to-one assignment used by FLM and ILM (Chen et al., ILM-VP CVPR'23). */
public final class GreedyMatching {

    private GreedyMatching() {}

    /**
     * Repeatedly takes the largest entry F[s*][t*] among unused rows and columns and maps target
     * t* to source s*. Ties go to the smallest source index, then the smallest target index.
     *
     * @param f count matrix [K_s][K_t] with K_t <= K_s
     * @return for each target class its source class
     */
    public static int[] oneToOne(int[][] f) {
        int ks = f.length;
        int kt = f[0].length;
        if (kt > ks) {
            throw new IllegalArgumentException(kt + " target classes but only " + ks + " source classes");
        }
        boolean[] rowUsed = new boolean[ks];
        boolean[] colUsed = new boolean[kt];
        int[] result = new int[kt];
        for (int round = 0; round < kt; round++) {
            int bestS = -1;
            int bestT = -1;
            long best = Long.MIN_VALUE;
            for (int s = 0; s < ks; s++) {
                if (rowUsed[s]) {
                    continue;
                }
                for (int t = 0; t < kt; t++) {
                    if (!colUsed[t] && f[s][t] > best) {
                        best = f[s][t];
                        bestS = s;
                        bestT = t;
                    }
                }
            }
            rowUsed[bestS] = true;
            colUsed[bestT] = true;
            result[bestT] = bestS;
        }
        return result;
    }
}
