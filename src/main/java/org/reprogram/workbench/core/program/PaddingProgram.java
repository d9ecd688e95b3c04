package org.reprogram.workbench.core.program;

import java.util.List;

import ai.djl.ndarray.NDManager;

/**
 * Padding / frame program (Elsayed et al. ICLR'19; ILM-VP's {@code ExpansiveVisualPrompt} in
 * OPTML-Group/ILM-VP {@code models/visual_prompt.py}): the target sits resized and zero-padded
 * in the centre of the canvas; a learnable frame act(W) * M fills everything around it, the
 * target window itself is never changed. Follows ILM-VP: W initialised to zero, normalisation
 * after the program (done by the source model). act is the user's choice: sigmoid as ILM-VP
 * (mid-gray start, stays in (0, 1)) or tanh as Elsayed. Trainable: C * (H*W - h*w).
 */
public final class PaddingProgram extends MaskedDeltaProgram {

    public PaddingProgram(ProgramSetup setup, NDManager manager) {
        super(setup, frameMask(setup.placement()), setup.settings().get(FrameSettings.FRAME), false, manager);
    }

    static float[] frameMask(Placement p) {
        float[] mask = new float[p.canvasSize()];
        int plane = p.height() * p.width();
        for (int c = 0; c < p.channels(); c++) {
            for (int y = 0; y < p.height(); y++) {
                for (int x = 0; x < p.width(); x++) {
                    mask[c * plane + y * p.width() + x] = p.inWindow(y, x) ? 0f : 1f;
                }
            }
        }
        return mask;
    }

    @Override
    public String name() {
        return "pad";
    }

    /** Registration: id "pad", settings inner size and frame activation. */
    public static final class Type extends FramedProgramType {
        public Type() {
            super("pad", "pad – frame", "Padding frame around the resized target (Elsayed et al.; ILM-VP)",
                    "The target is shrunk to the inner size; only the frame is learned.",
                    List.of(FrameSettings.INNER_SIZE, FrameSettings.FRAME));
        }

        @Override
        public InputProgram create(ProgramSetup setup, NDManager manager) {
            return new PaddingProgram(setup, manager);
        }
    }
}
