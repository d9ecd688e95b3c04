package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * Full additive ("watermark") program: the target fills the canvas and a learnable tanh delta
 * is added over the whole image, clipped to the valid pixel range [0, 1]. Trainable: C*H*W.
 */
public final class FullProgram extends MaskedDeltaProgram {

    public FullProgram(Placement placement, NDManager manager) {
        super(placement, ones(placement.canvasSize()), true, manager);
    }

    private static float[] ones(int n) {
        float[] m = new float[n];
        Arrays.fill(m, 1f);
        return m;
    }

    @Override
    public String name() {
        return "full";
    }
}
