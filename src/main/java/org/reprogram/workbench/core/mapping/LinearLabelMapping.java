package org.reprogram.workbench.core.mapping;

import org.reprogram.workbench.core.param.ParameterValues;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.reprogram.workbench.core.model.ArrayWrites;
import org.reprogram.workbench.core.model.Interop;

/**
 * Learned linear mapping (FullyMap): target logits = source logits @ W + b, trained with the
 * program. Works for any K_t. Trainable: K_s * K_t + K_t.
 */
public final class LinearLabelMapping extends AbstractLabelMapping {

    private final NDArray weight;
    private final NDArray bias;

    public LinearLabelMapping(int sourceClasses, int targetClasses, long seed, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        Random rnd = new Random(seed);
        float[] w = new float[ks * kt];
        double scale = 1.0 / Math.sqrt(ks);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rnd.nextGaussian() * scale * 0.1);
        }
        weight = manager.create(w, new Shape(ks, kt));
        bias = manager.zeros(new Shape(kt));
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public NDArray apply(NDArray sourceLogits) {
        return sourceLogits.matMul(weight).add(bias);
    }

    /** logits @ W + b. */
    @Override
    public Interop interop() {
        return LabelMapping.linearInterop(weights(), bias.toFloatArray());
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return false;
    }

    @Override
    public void update(double[][] frequencies) {
        // learned by gradient descent, nothing to recompute
    }

    @Override
    public List<NDArray> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public long trainableParameters() {
        return (long) ks * kt + kt;
    }

    @Override
    public float[][] weights() {
        return LabelMapping.toMatrix(weight.toFloatArray(), ks, kt);
    }

    @Override
    public float[] state() {
        float[] w = weight.toFloatArray();
        float[] b = bias.toFloatArray();
        float[] s = new float[w.length + b.length];
        System.arraycopy(w, 0, s, 0, w.length);
        System.arraycopy(b, 0, s, w.length, b.length);
        return s;
    }

    @Override
    public void loadState(float[] state) {
        float[] w = new float[ks * kt];
        float[] b = new float[kt];
        System.arraycopy(state, 0, w, 0, w.length);
        System.arraycopy(state, w.length, b, 0, b.length);
        ArrayWrites.write(weight, w);
        ArrayWrites.write(bias, b);
    }


    /** Registration: id "linear"; reads every source class. */
    public static final class Type extends AbstractMappingType {
        public Type() {
            super("linear", "linear – learned layer", "Learned linear layer K_s -> K_t",
                    "Works with any number of classes.", false, List.of());
        }

        @Override
        public int exclusiveSourcesPerTarget(ParameterValues settings) {
            return 0;
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new LinearLabelMapping(c.sourceClasses(), c.targetClassCount(), c.seed(), manager);
        }
    }
}
