package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * Full additive program (ILM-VP's {@code AdditiveVisualPrompt}, OPTML-Group/ILM-VP
 * {@code models/visual_prompt.py}): the target fills the canvas and an unconstrained delta,
 * initialised to zero, is added over the whole image in normalised space
 * ({@code x + self.program * self.mask} after the dataset's normalisation). Here the delta is
 * added in pixel space scaled by the source's std, which is the same function of the weights.
 * Deliberately not clipped (an earlier version clipped a tanh delta to [0, 1] and lost the
 * gradient at saturated pixels). Trainable: C*H*W.
 */
public final class FullProgram extends MaskedDeltaProgram {

    public FullProgram(ProgramSetup setup, NDManager manager) {
        super(setup, ones(setup.placement().canvasSize()), null, true, manager);
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
