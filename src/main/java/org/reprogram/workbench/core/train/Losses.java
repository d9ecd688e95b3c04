package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/** Loss functions on target logits [B, K_t] and integer labels [B]. */
public final class Losses {

    private Losses() {}

    /** Mean softmax cross-entropy. */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return crossEntropyPerSample(logits, labels).mean();
    }

    /** Per-sample cross-entropy [B]. */
    public static NDArray crossEntropyPerSample(NDArray logits, NDArray labels) {
        NDArray logProb = logits.logSoftmax(1);
        return logProb.get(new NDIndex().addAllDim(1).addPickDim(labels)).neg();
    }
}
