package org.reprogram.workbench.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which training images are used for training and which for validation: per class a
 * stratified validation share is held out (by seed), then at most SHOTS per class are kept.
 *
 * @param train indices into the dataset's train split used for training
 * @param validation indices held out for validation (may be empty)
 */
public record SplitPlan(int[] train, int[] validation) {

    public static SplitPlan make(int[] labels, int numClasses, double valFraction, int shots, long seed) {
        int[][] parts = valFraction > 0
                ? ImageFolderLoader.splitPerClass(labels, numClasses, valFraction, seed ^ 0x5eedL)
                : new int[][] {range(labels.length), new int[0]};
        int[] train = parts[0];
        if (shots > 0) {
            Random rnd = new Random(seed);
            List<Integer> kept = new ArrayList<>();
            for (int c = 0; c < numClasses; c++) {
                List<Integer> idx = new ArrayList<>();
                for (int i : train) {
                    if (labels[i] == c) {
                        idx.add(i);
                    }
                }
                Collections.shuffle(idx, rnd);
                kept.addAll(idx.subList(0, Math.min(shots, idx.size())));
            }
            Collections.sort(kept);
            train = kept.stream().mapToInt(Integer::intValue).toArray();
        }
        return new SplitPlan(train, parts[1]);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
