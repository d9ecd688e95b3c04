package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Random;

/**
 * Fresh weights for the from-scratch baseline, drawn from a seeded {@link Random}: Kaiming (He)
 * normal for convolution and linear weights (std = sqrt(2 / fan_in), fan_in = product of all but
 * the first dimension), zero biases, BatchNorm gamma 1 and beta 0, running mean 0 and variance 1.
 * Values are written in place (grad mode must be off on the calling thread), so a module that
 * holds the arrays (TorchScript) sees them.
 */
final class ScratchInit {

    private ScratchInit() {}

    /** A DJL-built block's parameter, by its type. */
    static void reset(Parameter p, Random rnd) {
        NDArray a = p.getArray();
        switch (p.getType()) {
            case WEIGHT -> fill(a, kaiming(a, rnd));
            case GAMMA, RUNNING_VAR -> fill(a, constant(a, 1f));
            case BIAS, BETA, RUNNING_MEAN -> fill(a, constant(a, 0f));
            default -> fill(a, a.getShape().dimension() >= 2 ? kaiming(a, rnd) : constant(a, 0f));
        }
    }

    /**
     * A TorchScript parameter, by name and shape: 4-D and 2-D weights are convolutions and linear
     * layers (Kaiming), 1-D "*bias" is 0, any other 1-D "*weight" is a normalisation scale (1).
     *
     * @return false when the parameter was left as it is (an unknown kind)
     */
    static boolean reset(String name, NDArray a, Random rnd) {
        int dims = a.getShape().dimension();
        if (dims >= 2) {
            fill(a, kaiming(a, rnd));
        } else if (name.endsWith("bias")) {
            fill(a, constant(a, 0f));
        } else if (name.endsWith("weight")) {
            fill(a, constant(a, 1f));
        } else {
            return false;
        }
        return true;
    }

    static float[] kaiming(NDArray a, Random rnd) {
        long[] shape = a.getShape().getShape();
        long fanIn = 1;
        for (int i = 1; i < shape.length; i++) {
            fanIn *= shape[i];
        }
        double std = Math.sqrt(2.0 / Math.max(1, fanIn));
        float[] v = new float[Math.toIntExact(a.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return v;
    }

    private static float[] constant(NDArray a, float value) {
        float[] v = new float[Math.toIntExact(a.size())];
        java.util.Arrays.fill(v, value);
        return v;
    }

    /** Overwrites A's values in place with V (same storage, so modules holding A see the change). */
    static void fill(NDArray a, float[] v) {
        try (NDManager tmp = a.getManager().newSubManager()) {
            NDArray src = tmp.create(v, a.getShape());
            NDArray zero = a.muli(0f);
            zero.addi(src);
        }
    }
}
