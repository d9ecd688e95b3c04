package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Holds the card and applies the card's mean/std normalisation before the network. */
public abstract class AbstractSourceModel implements SourceModel {

    protected final ModelCard card;
    protected final NDManager manager;
    private final String origin;
    private final NDArray mean;
    private final NDArray std;

    protected AbstractSourceModel(ModelCard card, NDManager manager, String origin) {
        this.card = card;
        this.manager = manager;
        this.origin = origin;
        if (card.mean() != null && card.std() != null) {
            Shape s = new Shape(1, card.channels(), 1, 1);
            mean = manager.create(card.mean()).reshape(s);
            std = manager.create(card.std()).reshape(s);
        } else {
            mean = null;
            std = null;
        }
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
        NDArray x = mean == null ? pixels : pixels.sub(mean).div(std);
        return forwardNormalized(x);
    }

    /** The network itself on normalised input. */
    protected abstract NDArray forwardNormalized(NDArray normalized);

    @Override
    public void close() {
        manager.close();
    }
}
