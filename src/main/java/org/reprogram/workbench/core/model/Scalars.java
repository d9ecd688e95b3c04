package org.reprogram.workbench.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for operations whose backward pass reads them ({@code mul}, {@code div},
 * {@code pow}, {@code maximum}, {@code minimum}): made by libtorch, so autograd's saved reference
 * keeps them alive.
 *
 * <p>Why not DJL's {@code x.maximum(0f)}: its {@code op(Number)} overloads wrap the number in an
 * array over a Java direct buffer ({@code torch::from_blob}), apply the operation and close that
 * array at once. Autograd still holds the scalar for the backward pass, but nothing holds the Java
 * buffer: a garbage collection between forward and backward frees it, the block is reused, and the
 * backward reads whatever was written there. Measured: the scale program's {@code maximum(0f)}
 * gave d/ds = 0 instead of -27.9 after one collection in a test ({@code ReleasedOperandTest}), and the same
 * {@code train} command gave different losses from epoch 1 on. {@code add}/{@code sub} of a
 * number are safe (their backward reads no operand).
 */
public final class Scalars {

    private Scalars() {}

    /** VALUE as a 0-dimensional float array in MANAGER, in memory libtorch owns. */
    public static NDArray of(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }
}
