package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Random;
import java.util.function.Function;
import org.reprogram.workbench.core.model.NamedArray;

/**
 * SMM's mask generator (tmlr-group/SMM {@code instance_model.py}): five 3x3 convolutions with
 * padding 1, C -> 8 -> 16 -> 32 -> 64 -> C; BatchNorm + ReLU after the first four, 2x2 max-pool
 * after the first three; no final activation. The output has 1/8 of the input's side. Weights
 * are initialised like PyTorch's defaults (uniform +-1/sqrt(fan_in) for weight and bias;
 * BatchNorm gamma 1, beta 0, running mean 0, var 1, momentum 0.1), seeded. 25,201 weights for
 * C = 1, 26,499 for C = 3.
 */
final class MaskNetwork {

    private static final int[] WIDTHS = {8, 16, 32, 64};
    private static final float DJL_MOMENTUM = 0.9f; // DJL passes 1 - momentum to torch: torch momentum 0.1
    private static final float BN_EPS = 1e-5f;
    private static final int MIN_OUT = 16;

    private final NDArray[] convWeight = new NDArray[5];
    private final NDArray[] convBias = new NDArray[5];
    private final NDArray[] gamma = new NDArray[4];
    private final NDArray[] beta = new NDArray[4];
    private final NDArray[] runningMean = new NDArray[4];
    private final NDArray[] runningVar = new NDArray[4];

    /**
     * @param parameter registers a trainable array and returns it
     * @param buffer registers a saved, non-trainable array and returns it
     */
    MaskNetwork(int channels, long seed, NDManager manager, Function<NDArray, NDArray> parameter,
            Function<NDArray, NDArray> buffer) {
        Random rnd = new Random(seed * 31 + 7);
        int in = channels;
        for (int i = 0; i < 5; i++) {
            int out = i < 4 ? WIDTHS[i] : channels;
            float bound = (float) (1 / Math.sqrt(in * 9.0));
            convWeight[i] = parameter.apply(manager.create(uniform(rnd, out * in * 9, bound), new Shape(out, in, 3, 3)));
            convBias[i] = parameter.apply(manager.create(uniform(rnd, out, bound), new Shape(out)));
            if (i < 4) {
                gamma[i] = parameter.apply(manager.ones(new Shape(out)));
                beta[i] = parameter.apply(manager.zeros(new Shape(out)));
                runningMean[i] = buffer.apply(manager.zeros(new Shape(out)));
                runningVar[i] = buffer.apply(manager.ones(new Shape(out)));
            }
            in = out;
        }
    }

    private static float[] uniform(Random rnd, int n, float bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (rnd.nextFloat() * 2 - 1) * bound;
        }
        return v;
    }

    /**
     * Conv i. Convolutions with fewer than {@value #MIN_OUT} output channels run padded to
     * {@value #MIN_OUT} with constant zero filters, and the extra channels are dropped: with DJL
     * 0.36 / libtorch 2.7.1 on CPU the input gradient of a convolution with 1, 4 or 8 output
     * channels sometimes came back as NaN or garbage (reproduction:
     * {@code src/test/java/org/reprogram/workbench/repro/ConvInputGradientRepro.java}), which
     * made every gradient below SMM's last layer NaN. Same function, same gradients.
     */
    private NDArray conv(NDArray h, int i, Shape one) {
        NDArray w = convWeight[i];
        NDArray b = convBias[i];
        long out = w.getShape().get(0);
        if (out >= MIN_OUT) {
            return Conv2d.conv2d(h, w, b, one, one).singletonOrThrow();
        }
        NDManager m = h.getManager();
        Shape ws = w.getShape();
        NDArray wPad = w.concat(m.zeros(new Shape(MIN_OUT - out, ws.get(1), ws.get(2), ws.get(3))), 0);
        NDArray bPad = b.concat(m.zeros(new Shape(MIN_OUT - out)), 0);
        return Conv2d.conv2d(h, wPad, bPad, one, one).singletonOrThrow().get(new NDIndex(":, 0:" + out));
    }

    /**
     * BatchNorm2d: batch statistics (running mean/var updated in place, torch momentum 0.1) in
     * training, running statistics in inference.
     */
    private NDArray batchNorm(NDArray x, int i, boolean training) {
        return BatchNorm.batchNorm(x, runningMean[i], runningVar[i], gamma[i], beta[i], 1, DJL_MOMENTUM, BN_EPS,
                training).singletonOrThrow();
    }

    /**
     * Every weight and BatchNorm statistic, named as in a PyTorch {@code state_dict} of the same
     * layers: {@code conv0..conv4.weight/bias}, {@code bn0..bn3.weight/bias/running_mean/running_var}.
     */
    java.util.List<NamedArray> arrays() {
        java.util.List<NamedArray> out = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(NamedArray.of("conv" + i + ".weight", convWeight[i]));
            out.add(NamedArray.of("conv" + i + ".bias", convBias[i]));
            if (i < 4) {
                out.add(NamedArray.of("bn" + i + ".weight", gamma[i]));
                out.add(NamedArray.of("bn" + i + ".bias", beta[i]));
                out.add(NamedArray.of("bn" + i + ".running_mean", runningMean[i]));
                out.add(NamedArray.of("bn" + i + ".running_var", runningVar[i]));
            }
        }
        return out;
    }

    /** The mask [B, C, H/8, W/8] for normalised input X [B, C, H, W]. */
    NDArray forward(NDArray x, boolean training) {
        NDArray h = x;
        Shape one = new Shape(1, 1);
        for (int i = 0; i < 5; i++) {
            h = conv(h, i, one);
            if (i < 4) {
                h = Activation.relu(batchNorm(h, i, training));
            }
            if (i < 3) {
                h = Pool.maxPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            }
        }
        return h;
    }
}
