package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModel;

/**
 * Linear probe: a new {@link LinearHead} D -> K_t on the frozen source's penultimate features.
 * The source is never in the optimizer and runs only in inference mode, once per image.
 */
public final class LinearProbeModel implements BaselineModel {

    private final SourceModel source;
    private final FrozenFeatures features;
    private final NDManager manager;
    private final LinearHead head;

    /** Takes ownership of SOURCE (closed with this model). */
    LinearProbeModel(SourceModel source, int targetClasses, long seed) {
        this.source = source;
        this.features = FrozenFeatures.of(source);
        this.manager = source.manager().newSubManager();
        int dim = features.dimension(new long[] {source.card().channels(), source.card().height(),
            source.card().width()});
        this.head = new LinearHead(manager, dim, targetClasses, seed);
    }

    /** The frozen source (tests check that its weights never change). */
    public SourceModel source() {
        return source;
    }

    @Override
    public ModelCard card() {
        return source.card();
    }

    @Override
    public Samples inputs(Samples canvases) {
        return features.of(canvases);
    }

    @Override
    public boolean cachesFeatures() {
        return true;
    }

    @Override
    public NDArray logits(NDArray batch, boolean training) {
        return head.apply(batch);
    }

    @Override
    public List<NDArray> trainableArrays() {
        return head.parameters();
    }

    @Override
    public long trainableParameters() {
        return head.parameterCount();
    }

    @Override
    public long sourceParameters() {
        return source.parameterCount();
    }

    @Override
    public String mapping() {
        return "linear-head";
    }

    @Override
    public List<String> notices() {
        return List.of();
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public String origin() {
        return source.origin();
    }

    /** The head's current weights ([K_t, D] then bias). */
    public float[] headWeights() {
        return head.weights();
    }

    /** Sets the head's weights to THETA ([K_t, D] row-major, then the bias). */
    void setHead(double[] theta) {
        head.set(theta);
    }

    /** Images the frozen source has run over so far (each split's features are computed once). */
    public long featureImages() {
        return features.images();
    }

    @Override
    public void close() {
        manager.close();
        source.close();
    }
}
