package org.reprogram.workbench.core.train;

import org.reprogram.workbench.core.spec.LossKind;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import org.reprogram.workbench.core.model.Scalars;

/** Loss functions on target logits [B, K_t] and integer labels [B]. */
public final class Losses {

    /** BAR's focal-loss exponent ({@code multi_focal_loss(4, 0.8, ...)}). */
    public static final float FOCAL_GAMMA = 4f;
    /** BAR's focal-loss class weight. */
    public static final float FOCAL_ALPHA = 0.8f;
    private static final float EPS = 1e-7f;

    private Losses() {}

    /** The loss KIND of a run. */
    public static NDArray of(LossKind kind, NDArray logits, NDArray labels) {
        return kind == LossKind.FOCAL ? focal(logits, labels) : crossEntropy(logits, labels);
    }

    /** Mean softmax cross-entropy. */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return crossEntropyPerSample(logits, labels).mean();
    }

    /** Per-sample cross-entropy [B]. */
    public static NDArray crossEntropyPerSample(NDArray logits, NDArray labels) {
        NDArray logProb = logits.logSoftmax(1);
        return logProb.get(new NDIndex().addAllDim(1).addPickDim(labels)).neg();
    }

    /**
     * BAR's focal loss (yunyuntsai/Black-box-Adversarial-Reprogramming {@code cal_func.py}
     * {@code multi_focal_loss}): a binary focal term on every class column of the probabilities
     * p = softmax(logits) clipped to [1e-7, 1 - 1e-7], with y the one-hot label:
     * alpha_t = y alpha + (1 - y)(1 - alpha), y_t = y p + (1 - y)(1 - p),
     * loss = -alpha_t (1 - y_t)^gamma log(y_t), averaged over classes; gamma 4, alpha 0.8.
     * Difference: averaged over the batch (BAR sums it; Adam is invariant to that scale).
     */
    public static NDArray focal(NDArray logits, NDArray labels) {
        int k = (int) logits.getShape().get(1);
        NDArray p = logits.softmax(1).clip(EPS, 1 - EPS);
        NDArray y = labels.toType(DataType.INT64, false).oneHot(k).toType(DataType.FLOAT32, false);
        NDArray notY = y.neg().add(1f);
        NDArray alphaT = y.mul(FOCAL_ALPHA).add(notY.mul(1 - FOCAL_ALPHA));
        NDArray yT = y.mul(p).add(notY.mul(p.neg().add(1f)));
        // the exponent as an array libtorch owns: pow's backward reads it (see Scalars)
        NDArray weight = yT.neg().add(1f).pow(Scalars.of(logits.getManager(), FOCAL_GAMMA));
        return alphaT.mul(weight).mul(yT.log()).neg().mean();
    }
}
