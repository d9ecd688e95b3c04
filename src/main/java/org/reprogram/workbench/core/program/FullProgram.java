package org.reprogram.workbench.core.program;

import java.util.List;

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

    /** Registration: id "full", no settings of its own. */
    public static final class Type extends AbstractProgramType {
        public Type() {
            super("full", "full – whole image", "Full-image additive delta in normalised space (ILM-VP additive prompt)",
                    "The target fills the canvas; one learned delta is added everywhere.", List.of());
        }

        @Override
        public InputProgram create(ProgramSetup setup, NDManager manager) {
            return new FullProgram(setup, manager);
        }

        @Override
        public ProgramLegend legend(boolean signed) {
            return signed ? new ProgramLegend("≤ −1", "0", "≥ +1", ProgramLegend.FULL) : ProgramLegend.UNSIGNED_FRAME;
        }
    }
}
