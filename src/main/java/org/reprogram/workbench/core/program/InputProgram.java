package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The learnable input transformation: maps canvases (target images already placed by
 * {@link #placement()}) to the source model's pixel space. Lives in [0, 1] pixel space; the
 * source model normalises afterwards.
 */
public interface InputProgram extends AutoCloseable {

    /** "pad" or "full". */
    String name();

    Placement placement();

    /** Programmed input [B, C, H, W] for canvases [B, C, H, W]; differentiable in the parameters. */
    NDArray apply(NDArray canvases);

    /** The trainable arrays (with gradients attached). */
    List<NDArray> parameters();

    /** 1 where a weight can change the output, 0 where masked; same shape as the weight. */
    NDArray trainableMask();

    /** Number of weights that can actually change the output (masked-out entries excluded). */
    long trainableParameters();

    /** The current additive perturbation delta, C*H*W floats (zero where masked). */
    float[] perturbation();

    /** Raw parameter values, for saving a run. */
    float[] weights();

    void loadWeights(float[] weights);

    @Override
    void close();
}
