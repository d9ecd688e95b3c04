package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.NamedArray;

/**
 * The output mapping from K_s source logits to K_t target logits. Frequency-based mappings
 * are (re)computed from a frequency matrix F[s][t] that the trainer measures over the training
 * split with the current program when {@link #needsFrequencies(int)} says so: argmax counts
 * #(source prediction s, true target t), or with {@link #topK()} > 0 the sums of each image's
 * top-k softmax probabilities per true class (BLM+).
 */
public interface LabelMapping extends AutoCloseable {

    /** The formula of a mapping that is a linear layer over the logits ({@link #linearInterop}). */
    String LINEAR_FORMULA = "target = logits @ mapping_weights + mapping_bias";

    /** The id of its {@link MappingType} ("ilm"). */
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

    /**
     * The mapping as plain arrays and the formula "target = …" that applies them to the source logits
     * (what a bundle exports for other tools). The default states that there is none: a mapping
     * declares its form here, next to the arithmetic of {@link #apply} (most are {@link #linearInterop}).
     */
    default Interop interop() {
        return Interop.notExportable("mapping '" + name() + "' has no plain-array form: it states no formula that"
                + " other tools could apply (the workbench itself predicts with it)");
    }

    @Override
    void close();

    /**
     * {@value #LINEAR_FORMULA} with WEIGHTS (K_s x K_t) as {@code mapping_weights} and BIAS (K_t) as
     * {@code mapping_bias}: the form of every mapping whose {@link #apply} is logits @ W + b.
     */
    static Interop linearInterop(float[][] weights, float[] bias) {
        return Interop.of(LINEAR_FORMULA, matrixAndBias(weights, bias));
    }

    /** WEIGHTS (K_s x K_t) flattened row-major as {@code mapping_weights}, then BIAS as {@code mapping_bias}. */
    static List<NamedArray> matrixAndBias(float[][] weights, float[] bias) {
        int ks = weights.length;
        int kt = bias.length;
        float[] w = new float[ks * kt];
        for (int s = 0; s < ks; s++) {
            System.arraycopy(weights[s], 0, w, s * kt, kt);
        }
        return List.of(new NamedArray("mapping_weights", new int[] {ks, kt}, w),
                new NamedArray("mapping_bias", new int[] {kt}, bias.clone()));
    }

    /** A row-major K_s x K_t array as a matrix (shared by the mappings' {@link #weights()}). */
    static float[][] toMatrix(float[] flat, int ks, int kt) {
        float[][] w = new float[ks][kt];
        for (int s = 0; s < ks; s++) {
            System.arraycopy(flat, s * kt, w[s], 0, kt);
        }
        return w;
    }
}
