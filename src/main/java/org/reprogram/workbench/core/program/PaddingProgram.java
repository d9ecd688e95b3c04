package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDManager;

/**
 * Padding / frame program (Elsayed et al. ICLR'19; ILM-VP's expansive prompt): the target sits
 * resized in the centre of the canvas; a learnable tanh frame fills everything around it. The
 * target window itself is never changed. Trainable: C * (H*W - h*w).
 */
public final class PaddingProgram extends MaskedDeltaProgram {

    public PaddingProgram(Placement placement, NDManager manager) {
        super(placement, frameMask(placement), false, manager);
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
}
