package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;

/**
 * The network a baseline trains: a new head on the penultimate features of the source model,
 * with the source frozen (linear probe) or trainable (fine-tune, scratch). Arrays never leave the
 * engine: callers pass per-batch arrays in and read plain numbers out.
 */
public interface BaselineModel extends AutoCloseable {

    /** The source model's card (input shape, normalisation). */
    ModelCard card();

    /**
     * What training and evaluation feed into {@link #logits}: the canvases themselves, or (linear
     * probe) their frozen features, computed once.
     */
    Samples inputs(Samples canvases);

    /** True when {@link #inputs} runs the source model over every canvas (one query each). */
    boolean cachesFeatures();

    /** Target logits [B, K_t] for a batch of {@link #inputs} items; TRAINING: BatchNorm batch statistics. */
    NDArray logits(NDArray batch, boolean training);

    /** The arrays the optimizer updates. */
    List<NDArray> trainableArrays();

    /**
     * Number of values the optimizer updates: all of {@link #trainableArrays()}, less (after
     * training) any that no gradient ever reached.
     */
    long trainableParameters();

    /** Called after every optimizer step. */
    default void afterStep() {}

    /** Weights of the source network (frozen or trained). */
    long sourceParameters();

    /** What maps features to target classes: "linear-head" or "linear-on-logits". */
    String mapping();

    /** Messages for the user (what was done differently from the plain recipe). */
    List<String> notices();

    /** The manager that owns the model's arrays (per-batch managers are opened under it). */
    NDManager manager();

    /** Where the source came from ("builtin:fmnist-cnn" or a file path). */
    String origin();

    @Override
    void close();
}
