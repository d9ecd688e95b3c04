package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.Normalization;

/**
 * Fine-tune and scratch: normalisation, a trainable {@link Backbone} and a new {@link LinearHead}
 * on its output; every weight of both is in the optimizer.
 */
public final class TrainableModel implements BaselineModel {

    private final Backbone backbone;
    private final Normalization normalization;
    private final NDManager manager;
    private final LinearHead head;
    private final List<NDArray> trainable = new ArrayList<>();

    /** Takes ownership of BACKBONE (closed with this model). */
    TrainableModel(Backbone backbone, int targetClasses, long seed) {
        this.backbone = backbone;
        this.manager = backbone.manager().newSubManager();
        this.normalization = Normalization.of(backbone.card(), manager);
        ModelCard c = backbone.card();
        int dim;
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.zeros(new Shape(1, c.channels(), c.height(), c.width()));
            dim = Math.toIntExact(backbone.forward(normalization.apply(x), false).getShape().get(1));
        }
        this.head = new LinearHead(manager, dim, targetClasses, seed);
        trainable.addAll(backbone.parameters());
        trainable.addAll(head.parameters());
    }

    @Override
    public ModelCard card() {
        return backbone.card();
    }

    @Override
    public Samples inputs(Samples canvases) {
        return canvases;
    }

    @Override
    public boolean cachesFeatures() {
        return false;
    }

    @Override
    public NDArray logits(NDArray batch, boolean training) {
        return head.apply(backbone.forward(normalization.apply(batch), training));
    }

    @Override
    public List<NDArray> trainableArrays() {
        return trainable;
    }

    @Override
    public long trainableParameters() {
        return backbone.trainedParameterCount() + head.parameterCount();
    }

    @Override
    public void afterStep() {
        backbone.afterStep();
    }

    @Override
    public long sourceParameters() {
        return backbone.parameterCount();
    }

    @Override
    public String mapping() {
        return backbone.mapping();
    }

    @Override
    public List<String> notices() {
        return backbone.notices();
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public String origin() {
        return backbone.origin();
    }

    /** The trainable network (tests compare its weights with the shipped ones). */
    Backbone backbone() {
        return backbone;
    }

    @Override
    public void close() {
        manager.close();
        backbone.close();
    }
}
