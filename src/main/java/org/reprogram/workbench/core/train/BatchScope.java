package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A per-batch manager: every array a step creates (including results of operations on the
 * trainable arrays, which are temporarily attached here) is freed when it closes, and the
 * trainable arrays go back to their owners. Without this, native memory grows every step.
 */
final class BatchScope {

    private BatchScope() {}

    static NDManager open(Experiment exp) {
        NDManager scope = exp.manager().newSubManager();
        for (NDArray a : exp.trainableArrays()) {
            a.tempAttach(scope);
        }
        return scope;
    }
}
