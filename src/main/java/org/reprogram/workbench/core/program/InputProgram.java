package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.reprogram.workbench.core.model.Interop;

/**
 * The learnable input transformation: maps canvases (target images already placed by
 * {@link #placement()}) to the source model's pixel space. Lives in [0, 1] pixel space; the
 * source model normalises afterwards (programs defined in normalised space scale by the std).
 */
public interface InputProgram extends AutoCloseable {

    /** The id of its {@link ProgramType} ("pad"). */
    String name();

    Placement placement();

    /**
     * Programmed input [B, C, H, W] for canvases [B, C, H, W]; differentiable in the parameters.
     * TRAINING switches the program's own BatchNorm layers (smm) to batch statistics.
     */
    NDArray apply(NDArray canvases, boolean training);

    /** {@link #apply(NDArray, boolean)} in inference mode. */
    default NDArray apply(NDArray canvases) {
        return apply(canvases, false);
    }

    /** The trainable arrays (with gradients attached). */
    List<NDArray> parameters();

    /** Per parameter: 1 where a weight can change the output, 0 where masked; same shapes. */
    List<NDArray> trainableMasks();

    /** Number of weights that can actually change the output (masked-out entries excluded). */
    long trainableParameters();

    /** The program's shared perturbation as an image, C*H*W floats (zero where masked). */
    float[] perturbation();

    /** True when {@link #perturbation()} ranges over (-1, 1), false for (0, 1) or unbounded >= 0. */
    boolean signedPerturbation();

    /** The learned input scale s (scale program), NaN for the others. */
    default double inputScale() {
        return Double.NaN;
    }

    /**
     * Programmed input for CANVASES from a recorded {@link #perturbation()} and {@link #inputScale()}
     * instead of the current parameters: how a saved run's epoch programmed its inputs (run folders
     * keep these two per epoch, not the parameters). The same arithmetic as {@link #apply}, so the
     * result is that epoch's programmed input. Only where {@link #recordDefinesProgram()}.
     */
    default NDArray applyRecorded(NDArray canvases, float[] perturbation, double inputScale) {
        Placement p = placement();
        return canvases.add(canvases.getManager().create(perturbation, new Shape(1, p.channels(), p.height(), p.width())));
    }

    /**
     * Whether {@link #perturbation()} and {@link #inputScale()} define the program, so that
     * {@link #applyRecorded} rebuilds a recorded epoch (false for smm: its masks come from a
     * network saved only for the final and best states).
     */
    default boolean recordDefinesProgram() {
        return true;
    }

    /** Sample-specific masks (smm) for CANVASES as B*C*H*W floats in inference mode, else null. */
    default float[] sampleMasks(NDArray canvases) {
        return null;
    }

    /** Called after every optimiser step (the scale program clamps s here). */
    default void afterStep() {}

    /**
     * The program as plain arrays and the formula x' = … that applies them to a placed canvas x
     * (what a bundle exports for other tools, e.g. docs/python/predict_bundle.py). The default states
     * that there is none: a program declares its form here, next to the arithmetic of {@link #apply}.
     */
    default Interop interop() {
        return Interop.notExportable("program '" + name() + "' has no plain-array form: it states no formula that"
                + " other tools could apply (the workbench itself predicts with it)");
    }

    /** Every value that defines the program (parameters and buffers), for saving a run. */
    float[] weights();

    void loadWeights(float[] weights);

    @Override
    void close();
}
