package org.reprogram.workbench.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Writes Java values into an existing array (restoring a checkpoint, loading a run's program,
 * clamping a parameter). Not with DJL's {@code NDArray.set(float[])}: that swaps the tensor's
 * storage for a Java buffer under libtorch's deprecated {@code AutoNonVariableTypeMode}, whose
 * warning ("AutoNonVariableTypeMode is deprecated and will be removed in 1.10 release ...")
 * libtorch printed to the terminal of train, resume, predict and export. This copies the values
 * into the array's own memory with an indexed assignment ({@code index_put_}), gradient recording
 * off for the copy, so a trainable array keeps its memory and its gradient flag.
 */
public final class ArrayWrites {

    private static final NDIndex ALL = new NDIndex("...");

    private ArrayWrites() {}

    /** TARGET's elements (row-major) := VALUES; the lengths must match. */
    public static void write(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("expected " + target.size() + " values, got " + values.length);
        }
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false); // an in-place copy into a trainable leaf is not part of any graph
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.set(ALL, source);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }
}
