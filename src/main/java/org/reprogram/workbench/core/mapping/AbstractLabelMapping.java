package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Thin base of the mappings: the class counts, an own child manager, and the defaults of a
 * mapping without trainable weights.
 */
public abstract class AbstractLabelMapping implements LabelMapping {

    protected final int ks;
    protected final int kt;
    protected final NDManager manager;

    protected AbstractLabelMapping(int sourceClasses, int targetClasses, NDManager parent) {
        this.ks = sourceClasses;
        this.kt = targetClasses;
        this.manager = parent.newSubManager();
    }

    @Override
    public int sourceClasses() {
        return ks;
    }

    @Override
    public int targetClasses() {
        return kt;
    }

    @Override
    public List<NDArray> parameters() {
        return List.of();
    }

    @Override
    public long trainableParameters() {
        return 0;
    }

    @Override
    public int[][] assignment() {
        return null;
    }

    @Override
    public void close() {
        manager.close();
    }
}
