package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDManager;

/**
 * Frequency label mapping (FLM): before training, the frozen model (with the initial program)
 * predicts the target training set; the greedy one-to-one matching on those counts is kept
 * for the whole run.
 */
public class FrequencyLabelMapping extends HardLabelMapping {

    public FrequencyLabelMapping(int sourceClasses, int targetClasses, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        int[] identity = new int[targetClasses];
        for (int t = 0; t < targetClasses; t++) {
            identity[t] = t;
        }
        assignOneToOne(identity); // placeholder until the first update
    }

    @Override
    public String name() {
        return "flm";
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return epoch == 0;
    }
}
