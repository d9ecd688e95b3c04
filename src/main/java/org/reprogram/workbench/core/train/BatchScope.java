package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A per-batch manager: every array a step creates (including results of operations on the
 * trainable arrays, which are temporarily attached here) is freed when it closes, and the
 * trainable arrays go back to their owners. Without this, native memory grows every step.
 */
public final class BatchScope {

    private BatchScope() {}

    /** A scope under the experiment's manager holding its program and mapping arrays. */
    static NDManager open(Experiment exp) {
        return open(exp.manager(), exp.trainableArrays());
    }

    /** A scope under PARENT with TRAINABLE temporarily attached. */
    public static NDManager open(NDManager parent, List<NDArray> trainable) {
        NDManager scope = parent.newSubManager();
        for (NDArray a : trainable) {
            a.tempAttach(scope);
        }
        return scope;
    }
}
