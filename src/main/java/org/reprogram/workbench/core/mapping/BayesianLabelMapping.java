package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bayesian-guided label mapping (BLM, Cai et al. NeurIPS'24): a probabilistic K_s x K_t matrix
 * omega[s][t] = (F[s][t] + lambda) / sum_s' (F[s'][t] + lambda), Laplace smoothing lambda = 1,
 * recomputed every epoch from the current program's predictions; target logits = logits @ omega.
 * Any K_t works (no one-to-one constraint).
 */
public final class BayesianLabelMapping extends AbstractLabelMapping {

    public static final float LAPLACE = 1f;

    private NDArray omega;
    private float[] values;

    public BayesianLabelMapping(int sourceClasses, int targetClasses, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        update(new int[ks][kt]); // uniform until the first measurement
    }

    /** Column-normalised, Laplace-smoothed omega of F, row-major K_s x K_t. */
    public static float[] omega(int[][] f) {
        int ks = f.length;
        int kt = f[0].length;
        float[] w = new float[ks * kt];
        for (int t = 0; t < kt; t++) {
            double sum = 0;
            for (int[] row : f) {
                sum += row[t] + LAPLACE;
            }
            for (int s = 0; s < ks; s++) {
                w[s * kt + t] = (float) ((f[s][t] + LAPLACE) / sum);
            }
        }
        return w;
    }

    @Override
    public String name() {
        return "blm";
    }

    @Override
    public NDArray apply(NDArray sourceLogits) {
        return sourceLogits.matMul(omega);
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return true;
    }

    @Override
    public void update(int[][] frequencies) {
        loadState(omega(frequencies));
    }

    @Override
    public float[][] weights() {
        return LabelMapping.toMatrix(values, ks, kt);
    }

    @Override
    public float[] state() {
        return values.clone();
    }

    @Override
    public void loadState(float[] state) {
        NDArray next = manager.create(state, new Shape(ks, kt));
        if (omega != null) {
            omega.close();
        }
        omega = next;
        values = state.clone();
    }

}
