package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Random;

/**
 * A new linear layer IN -> OUT, initialised like PyTorch's {@code nn.Linear}: weight and bias
 * uniform in [-1/sqrt(IN), 1/sqrt(IN)], drawn from a seeded {@link Random} (reproducible).
 */
final class LinearHead {

    private final NDArray weight;
    private final NDArray bias;
    private final int in;
    private final int out;

    /** Arrays are created in MANAGER and require gradients. */
    LinearHead(NDManager manager, int in, int out, long seed) {
        this.in = in;
        this.out = out;
        Random rnd = new Random(seed);
        float bound = (float) (1 / Math.sqrt(in));
        float[] w = new float[out * in];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((2 * rnd.nextDouble() - 1) * bound);
        }
        float[] b = new float[out];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) ((2 * rnd.nextDouble() - 1) * bound);
        }
        weight = manager.create(w, new Shape(out, in));
        bias = manager.create(b, new Shape(out));
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
    }

    /** X [B, IN] -> [B, OUT]. */
    NDArray apply(NDArray x) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    List<NDArray> parameters() {
        return List.of(weight, bias);
    }

    long parameterCount() {
        return (long) in * out + out;
    }

    /** Current weights, [OUT, IN] row-major then the bias (for tests and state checks). */
    float[] weights() {
        float[] w = weight.toFloatArray();
        float[] b = bias.toFloatArray();
        float[] all = new float[w.length + b.length];
        System.arraycopy(w, 0, all, 0, w.length);
        System.arraycopy(b, 0, all, w.length, b.length);
        return all;
    }

    /** Replaces the weights by THETA ([OUT, IN] row-major, then the bias), e.g. a probe fitted off the engine. */
    void set(double[] theta) {
        float[] w = new float[out * in];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) theta[i];
        }
        float[] b = new float[out];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) theta[w.length + i];
        }
        weight.set(w);
        bias.set(b);
    }
}
