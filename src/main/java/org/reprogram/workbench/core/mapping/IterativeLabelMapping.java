package org.reprogram.workbench.core.mapping;

import java.util.List;

import ai.djl.ndarray.NDManager;

/**
 * Iterative label mapping (ILM, Chen et al. CVPR'23): the FLM matching recomputed at the start
 * of every epoch with the current program, so mapping and program co-evolve.
 */
public final class IterativeLabelMapping extends FrequencyLabelMapping {

    private final String id;

    public IterativeLabelMapping(int sourceClasses, int targetClasses, NDManager parent) {
        this("ilm", sourceClasses, targetClasses, parent);
    }

    /** The mapping registered as ID (text-ilm reads a vision-language model's prompts with it). */
    public IterativeLabelMapping(String id, int sourceClasses, int targetClasses, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        this.id = id;
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return true;
    }

    /** Registration: id "ilm". */
    public static final class Type extends AbstractMappingType {
        public Type() {
            super("ilm", "ilm – frequency, each epoch", "Iterative label mapping, recomputed every epoch",
                    "Needs at least as many source classes as target classes.", true, List.of());
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new IterativeLabelMapping(c.sourceClasses(), c.targetClassCount(), manager);
        }
    }
}
