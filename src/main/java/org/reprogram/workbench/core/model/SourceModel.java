package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A frozen pretrained classifier. Inputs are pixel-space batches [B, C, H, W] in [0, 1]; the
 * model applies its own normalisation. Gradients flow to the input but never change weights.
 */
public interface SourceModel extends AutoCloseable {

    ModelCard card();

    /** Source logits [B, K_s] for pixel input [B, C, H, W]; differentiable w.r.t. the input. */
    NDArray logits(NDArray pixels);

    /** Number of (frozen) weights in the model. */
    long parameterCount();

    /** The manager that owns the model's arrays (create batch managers under it). */
    NDManager manager();

    Device device();

    /** Where it came from: "builtin:fmnist-cnn" or a file path. */
    String origin();

    @Override
    void close();
}
