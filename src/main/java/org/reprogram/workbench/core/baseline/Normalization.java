package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.reprogram.workbench.core.model.ModelCard;

/**
 * The card's per-channel mean/std normalisation, applied to canvases before the network (as
 * {@link org.reprogram.workbench.core.model.AbstractSourceModel} does for reprogramming).
 */
final class Normalization {

    private final NDArray mean;
    private final NDArray std;

    /** Arrays live in MANAGER (the model's); a card without mean/std passes input through. */
    Normalization(ModelCard card, NDManager manager) {
        if (card.mean() != null && card.std() != null) {
            Shape s = new Shape(1, card.channels(), 1, 1);
            mean = manager.create(card.mean()).reshape(s);
            std = manager.create(card.std()).reshape(s);
        } else {
            mean = null;
            std = null;
        }
    }

    /** Normalised PIXELS; the result lives in the pixels' (per-batch) manager. */
    NDArray apply(NDArray pixels) {
        return mean == null ? pixels : pixels.sub(mean).div(std);
    }
}
