package org.reprogram.workbench.core.mapping;

import java.util.List;

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

    /** Registration: id "flm". */
    public static final class Type extends AbstractMappingType {
        public Type() {
            super("flm", "flm – frequency, once", "Frequency label mapping, computed once",
                    "Needs at least as many source classes as target classes.", true, List.of());
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new FrequencyLabelMapping(c.sourceClasses(), c.targetClassCount(), manager);
        }
    }
}
