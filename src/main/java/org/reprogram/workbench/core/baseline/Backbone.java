package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;

/**
 * A trainable copy of the source network for fine-tuning and training from scratch: every weight
 * is updated; its output (penultimate features, or logits when a TorchScript module exports no
 * features method) feeds a new head.
 */
interface Backbone extends AutoCloseable {

    ModelCard card();

    /** Output [B, D] for normalised input; TRAINING: BatchNorm uses (and updates) batch statistics. */
    NDArray forward(NDArray normalized, boolean training);

    /** The arrays the optimizer updates. */
    List<NDArray> parameters();

    /**
     * Values of the parameters that take part in training: all of {@link #parameters()} before the
     * first backward pass; afterwards those that received a gradient (a TorchScript features
     * method may not use the module's own classifier).
     */
    default long trainedParameterCount() {
        long n = 0;
        for (NDArray a : parameters()) {
            n += a.size();
        }
        return n;
    }

    /** Called after every optimizer step. */
    default void afterStep() {}

    /** Weights of the whole source network. */
    long parameterCount();

    /** "linear-head" (features) or "linear-on-logits". */
    String mapping();

    /** What the user should know about how this copy was made. */
    List<String> notices();

    NDManager manager();

    String origin();

    @Override
    void close();
}
