package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;

/**
 * How a frame program turns its raw weights W into pixels. SIGMOID is ILM-VP's expansive
 * prompt ({@code torch.sigmoid(self.program) * self.mask}): W = 0 starts as a mid-gray frame and
 * the frame always stays a valid image in (0, 1). TANH is Elsayed et al.'s adversarial program:
 * W = 0 starts black, range (-1, 1) on top of the zero padding.
 */
public enum FrameActivation {
    SIGMOID("sigmoid", false),
    TANH("tanh", true);

    /**
     * The default of new runs, chosen from the measured table in the README (sample digits,
     * every mapping): tanh was ahead of sigmoid for the one-to-one and Bayesian mappings.
     */
    public static final FrameActivation DEFAULT = TANH;

    private final String id;
    private final boolean signed;

    FrameActivation(String id, boolean signed) {
        this.id = id;
        this.signed = signed;
    }

    public String id() {
        return id;
    }

    /** True when the frame's values range over (-1, 1), false for (0, 1). */
    public boolean signed() {
        return signed;
    }

    public NDArray apply(NDArray w) {
        return this == SIGMOID ? w.getNDArrayInternal().sigmoid() : w.tanh();
    }

    public float apply(float w) {
        return this == SIGMOID ? (float) (1 / (1 + Math.exp(-w))) : (float) Math.tanh(w);
    }

    public static FrameActivation parse(String s) {
        for (FrameActivation f : values()) {
            if (f.id.equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown frame activation '" + s + "' (use sigmoid or tanh)");
    }

    @Override
    public String toString() {
        return id;
    }
}
