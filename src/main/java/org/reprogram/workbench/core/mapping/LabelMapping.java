package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The output mapping from K_s source logits to K_t target logits. Frequency-based mappings
 * are (re)computed from a count matrix F[s][t] = #(source prediction s, true target t) that
 * the trainer measures with the current program when {@link #needsFrequencies(int)} says so.
 */
public interface LabelMapping extends AutoCloseable {

    /** "random", "flm", "ilm" or "linear". */
    String name();

    int sourceClasses();

    int targetClasses();

    /** Target logits [B, K_t] from source logits [B, K_s]; differentiable. */
    NDArray apply(NDArray sourceLogits);

    /** Whether the trainer must measure F before EPOCH (0-based) starts. */
    boolean needsFrequencies(int epoch);

    /** Recomputes the mapping from F[s][t]. */
    void update(int[][] frequencies);

    /** Trainable arrays (empty for fixed mappings). */
    List<NDArray> parameters();

    long trainableParameters();

    /** Current weights as a K_s x K_t matrix (one-to-one: 1 where mapped). */
    float[][] weights();

    /** For hard mappings, the source classes of each target class; null for learned ones. */
    int[][] assignment();

    /** Everything needed to restore the mapping. */
    float[] state();

    void loadState(float[] state);

    @Override
    void close();

    /** A row-major K_s x K_t array as a matrix (shared by the mappings' {@link #weights()}). */
    static float[][] toMatrix(float[] flat, int ks, int kt) {
        float[][] w = new float[ks][kt];
        for (int s = 0; s < ks; s++) {
            System.arraycopy(flat, s * kt, w[s], 0, kt);
        }
        return w;
    }
}
