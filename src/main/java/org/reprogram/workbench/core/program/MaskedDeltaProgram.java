package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The shared mechanism of the additive programs: x' = x + tanh(W) * M, optionally clipped to
 * [0, 1]. W is initialised to zero (no perturbation at step 0), M is fixed per subclass.
 */
public abstract class MaskedDeltaProgram implements InputProgram {

    private final Placement placement;
    private final NDManager manager;
    private final NDArray weight;
    private final NDArray mask;
    private final boolean clip;
    private final long trainable;

    protected MaskedDeltaProgram(Placement placement, float[] maskValues, boolean clip, NDManager parent) {
        this.placement = placement;
        this.manager = parent.newSubManager();
        this.clip = clip;
        Shape shape = new Shape(1, placement.channels(), placement.height(), placement.width());
        this.mask = manager.create(maskValues, shape);
        this.weight = manager.zeros(shape);
        weight.setRequiresGradient(true);
        long n = 0;
        for (float m : maskValues) {
            if (m != 0f) {
                n++;
            }
        }
        this.trainable = n;
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public NDArray apply(NDArray canvases) {
        NDArray x = canvases.add(delta());
        return clip ? x.clip(0f, 1f) : x;
    }

    private NDArray delta() {
        return weight.tanh().mul(mask);
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(weight);
    }

    @Override
    public NDArray trainableMask() {
        return mask;
    }

    @Override
    public long trainableParameters() {
        return trainable;
    }

    @Override
    public float[] perturbation() {
        try (NDManager m = manager.newSubManager()) {
            NDArray w = weight.duplicate();
            w.attach(m);
            return w.tanh().mul(mask).toFloatArray();
        }
    }

    @Override
    public float[] weights() {
        return weight.toFloatArray();
    }

    @Override
    public void loadWeights(float[] values) {
        if (values.length != weight.size()) {
            throw new IllegalArgumentException("expected " + weight.size() + " program weights, got " + values.length);
        }
        weight.set(values);
    }

    @Override
    public void close() {
        manager.close();
    }
}
