package org.reprogram.workbench.core.mapping;

import org.reprogram.workbench.core.param.ParameterValues;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random many-to-one mapping (RLM): each target class gets M distinct source classes drawn by
 * seed, never shared between targets. Fixed for the whole run.
 */
public final class RandomLabelMapping extends HardLabelMapping {

    public RandomLabelMapping(int sourceClasses, int targetClasses, int sourcesPerTarget, long seed, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        int m = Math.max(1, sourcesPerTarget);
        if ((long) m * targetClasses > sourceClasses) {
            throw new IllegalArgumentException(m + " source classes per target x " + targetClasses
                    + " targets exceeds the " + sourceClasses + " source classes; lower --sources-per-class");
        }
        List<Integer> pool = new ArrayList<>();
        for (int s = 0; s < sourceClasses; s++) {
            pool.add(s);
        }
        Collections.shuffle(pool, new Random(seed));
        int[][] a = new int[targetClasses][m];
        for (int t = 0; t < targetClasses; t++) {
            for (int j = 0; j < m; j++) {
                a[t][j] = pool.get(t * m + j);
            }
        }
        assign(a);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return false;
    }

    /** Registration: id "random", m sources per class. */
    public static final class Type extends AbstractMappingType {
        public Type() {
            super("random", "random – fixed at random", "Random many-to-one, fixed",
                    "Needs at least as many source classes as target classes.", false,
                    List.of(MappingSettings.SOURCES_PER_CLASS));
        }

        @Override
        public int exclusiveSourcesPerTarget(ParameterValues settings) {
            return settings.get(MappingSettings.SOURCES_PER_CLASS);
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new RandomLabelMapping(c.sourceClasses(), c.targetClassCount(),
                    c.settings().get(MappingSettings.SOURCES_PER_CLASS), c.seed(), manager);
        }
    }
}
