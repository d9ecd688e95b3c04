package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The output mapping from K_s source logits to K_t target logits. Frequency-based mappings
 * are (re)computed from a frequency matrix F[s][t] that the trainer measures over the training
 * split with the current program when {@link #needsFrequencies(int)} says so: argmax counts
 * #(source prediction s, true target t), or with {@link #topK()} > 0 the sums of each image's
 * top-k softmax probabilities per true class (BLM+).
 */
public interface LabelMapping extends AutoCloseable {

    /** "random", "flm", "ilm", "linear", "blm", "blm+" or "bar". */
    String name();

    int sourceClasses();

    int targetClasses();

    /** Target logits [B, K_t] from source logits [B, K_s]; differentiable. */
    NDArray apply(NDArray sourceLogits);

    /** Whether the trainer must measure F before EPOCH (0-based) starts. */
    boolean needsFrequencies(int epoch);

    /** Recomputes the mapping from F[s][t] (real-valued: counts or summed probabilities). */
    void update(double[][] frequencies);

    /** 0: F holds argmax counts; k > 0: F sums each image's top-k source probabilities. */
    default int topK() {
        return 0;
    }

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
