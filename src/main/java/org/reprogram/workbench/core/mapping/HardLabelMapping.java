package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.reprogram.workbench.core.model.Interop;

/**
 * Base of the fixed (non-learned) mappings: target logit t = mean of the logits of its source
 * classes, computed as logits @ Omega with Omega[s][t] = 1/m for the m sources of t.
 */
public abstract class HardLabelMapping extends AbstractLabelMapping {

    private NDArray omega;
    private int[][] assignment;

    protected HardLabelMapping(int sourceClasses, int targetClasses, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        if (targetClasses > sourceClasses) {
            manager.close();
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + targetClasses
                    + " target classes but the source model has only " + sourceClasses
                    + "; a one-to-one mapping needs K_t <= K_s (use the linear or blm mapping instead)");
        }
    }

    /** Sets the source classes of every target class. */
    protected final void assign(int[][] sourcesPerTarget) {
        float[] w = new float[ks * kt];
        for (int t = 0; t < kt; t++) {
            for (int s : sourcesPerTarget[t]) {
                w[s * kt + t] = 1f / sourcesPerTarget[t].length;
            }
        }
        NDArray next = manager.create(w, new Shape(ks, kt));
        if (omega != null) {
            omega.close();
        }
        omega = next;
        assignment = sourcesPerTarget;
    }

    protected final void assignOneToOne(int[] sourceOfTarget) {
        int[][] a = new int[sourceOfTarget.length][];
        for (int t = 0; t < a.length; t++) {
            a[t] = new int[] {sourceOfTarget[t]};
        }
        assign(a);
    }

    /** Omega[s][t] = 1/m for the m sources of t (K_s x K_t). */
    protected final NDArray omega() {
        return omega;
    }

    @Override
    public NDArray apply(NDArray sourceLogits) {
        return sourceLogits.matMul(omega);
    }

    @Override
    public void update(double[][] frequencies) {
        assignOneToOne(GreedyMatching.oneToOne(frequencies));
    }

    @Override
    public float[][] weights() {
        return LabelMapping.toMatrix(omega.toFloatArray(), ks, kt);
    }

    /** logits @ Omega: the linear form without a bias (a subclass that changes {@link #apply} overrides it). */
    @Override
    public Interop interop() {
        return LabelMapping.linearInterop(weights(), new float[kt]);
    }

    @Override
    public int[][] assignment() {
        int[][] copy = new int[assignment.length][];
        for (int t = 0; t < copy.length; t++) {
            copy[t] = assignment[t].clone();
        }
        return copy;
    }

    @Override
    public float[] state() {
        return omega.toFloatArray();
    }

    @Override
    public void loadState(float[] state) {
        int[][] a = new int[kt][];
        for (int t = 0; t < kt; t++) {
            int count = 0;
            for (int s = 0; s < ks; s++) {
                count += state[s * kt + t] > 0 ? 1 : 0;
            }
            a[t] = new int[count];
            int i = 0;
            for (int s = 0; s < ks; s++) {
                if (state[s * kt + t] > 0) {
                    a[t][i++] = s;
                }
            }
        }
        assign(a);
    }

}
