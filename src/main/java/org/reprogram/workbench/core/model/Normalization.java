package org.reprogram.workbench.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Per-channel (x - mean) / std on [B, C, H, W] batches: what a source model applies before its
 * network, shared by the source models, the baselines and programs that read normalised input.
 */
public final class Normalization {

    private final NDArray mean;
    private final NDArray std;

    /** Arrays live in MANAGER (the owner's); null MEAN or STD passes input through. */
    public Normalization(float[] mean, float[] std, int channels, NDManager manager) {
        if (mean != null && std != null) {
            Shape s = new Shape(1, channels, 1, 1);
            this.mean = manager.create(mean).reshape(s);
            this.std = manager.create(std).reshape(s);
        } else {
            this.mean = null;
            this.std = null;
        }
    }

    /** The card's normalisation; a card without mean/std passes input through. */
    public static Normalization of(ModelCard card, NDManager manager) {
        return new Normalization(card.mean(), card.std(), card.channels(), manager);
    }

    /** Normalised PIXELS; the result lives in the pixels' (per-batch) manager. */
    public NDArray apply(NDArray pixels) {
        return mean == null ? pixels : pixels.sub(mean).div(std);
    }
}
