package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.NamedArray;

/**
 * The shared mechanism of the additive programs: x' = x + act(W) * M * g, where act is a frame
 * activation (or none), M a fixed 0/1 mask and g the per-channel gain (1, or the source's std
 * for a delta defined in normalised space). W starts at zero. Nothing is clipped: clipping to
 * [0, 1] zeroes the gradient at every saturated pixel.
 */
public abstract class MaskedDeltaProgram extends AbstractInputProgram {

    /** The plain-array form: the delta with its activation, mask and gain applied, added to the canvas. */
    public static final String FORMULA = "x' = x + delta";

    private final NDArray weight;
    private final NDArray mask;
    private final NDArray gain;
    private final FrameActivation activation;

    /**
     * @param activation frame activation, or null for an unbounded delta
     * @param normalisedSpace true to scale the delta by the source's std (authors' additive prompt)
     */
    protected MaskedDeltaProgram(ProgramSetup setup, float[] maskValues, FrameActivation activation,
            boolean normalisedSpace, NDManager parent) {
        super(setup, parent);
        Placement p = setup.placement();
        Shape shape = new Shape(1, p.channels(), p.height(), p.width());
        this.mask = manager.create(maskValues, shape);
        this.activation = activation;
        this.gain = normalisedSpace ? stdArray(manager) : manager.ones(new Shape(1, p.channels(), 1, 1));
        this.weight = addParameter(manager.zeros(shape), mask);
    }

    @Override
    public NDArray apply(NDArray canvases, boolean training) {
        return canvases.add(delta(weight));
    }

    private NDArray delta(NDArray w) {
        NDArray a = activation == null ? w : activation.apply(w);
        return a.mul(mask).mul(gain);
    }

    @Override
    public float[] perturbation() {
        try (NDManager m = manager.newSubManager()) {
            NDArray w = weight.duplicate();
            w.attach(m);
            return delta(w).toFloatArray();
        }
    }

    /** {@value #FORMULA}, delta = {@link #perturbation()} as C x H x W. */
    @Override
    public Interop interop() {
        Placement p = placement();
        return Interop.of(FORMULA, List.of(new NamedArray("delta", new int[] {p.channels(), p.height(), p.width()},
                perturbation())));
    }

    @Override
    public boolean signedPerturbation() {
        return activation == null || activation.signed();
    }
}
