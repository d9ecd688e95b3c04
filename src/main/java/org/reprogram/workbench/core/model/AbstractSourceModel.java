package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Holds the card and applies the card's mean/std normalisation before the network. */
public abstract class AbstractSourceModel implements SourceModel {

    protected final ModelCard card;
    protected final NDManager manager;
    private final String origin;
    private final Normalization normalization;

    protected AbstractSourceModel(ModelCard card, NDManager manager, String origin) {
        this.card = card;
        this.manager = manager;
        this.origin = origin;
        this.normalization = Normalization.of(card, manager);
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public Device device() {
        return manager.getDevice();
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public final NDArray logits(NDArray pixels) {
        // x first so intermediate results live in the caller's (per-batch) manager
        return forwardNormalized(normalization.apply(pixels));
    }

    /** The network itself on normalised input. */
    protected abstract NDArray forwardNormalized(NDArray normalized);

    @Override
    public void close() {
        manager.close();
    }
}
