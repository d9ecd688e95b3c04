package org.reprogram.workbench.core.mapping;

import java.util.List;
import org.reprogram.workbench.core.param.ParameterValues;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.reprogram.workbench.core.model.Interop;

/**
 * Bayesian-guided label mapping (BLM, Cai et al. NeurIPS'24), as in the authors' released code
 * (tmlr-group/BayesianLM {@code mapping.py}, {@code blm_reweight_matrix}): at the start of every
 * epoch F[s][t] is measured over the whole training split (argmax counts), then
 * <ol>
 *   <li>row step: P[s][t] = F[s][t] / (sum_t' F[s][t'] + lambda), lambda = 1;</li>
 *   <li>column step: omega[s][t] = P[s][t] / sum_s' P[s'][t].</li>
 * </ol>
 * Target logits = source logits @ omega (raw logits, as {@code torch.mm(logits, mapping_matrix)};
 * the paper's equation reads probabilities), cross-entropy; omega is a constant between updates.
 * A source class never predicted keeps a zero row. Deliberate difference: a target column with
 * no mass (the authors divide by zero and get NaN) becomes uniform 1/K_s. Any K_t works.
 * {@link #plus} selects BLM+ ({@code blmp_reweight_matrix}): F sums each training image's top-k
 * softmax probabilities (zeros elsewhere, not renormalised) per true class, k = max(1,
 * floor(0.15 K_t)) as the authors' {@code int(len(class_names) * topk_ratio)} but never 0.
 */
public final class BayesianLabelMapping extends AbstractLabelMapping {

    public static final double LAMBDA = 1;

    private final boolean plus;
    private final String id;
    private NDArray omega;
    private float[] values;

    public BayesianLabelMapping(int sourceClasses, int targetClasses, boolean plus, NDManager parent) {
        this(plus ? "blm+" : "blm", sourceClasses, targetClasses, plus, parent);
    }

    /** The mapping registered as ID (text-blm reads a vision-language model's prompts with it). */
    public BayesianLabelMapping(String id, int sourceClasses, int targetClasses, boolean plus, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        this.plus = plus;
        this.id = id;
        if (plus && Frequencies.blmPlusK(targetClasses) > sourceClasses) {
            manager.close();
            throw new IllegalArgumentException("mapping 'blm+' takes the top k = " + Frequencies.blmPlusK(targetClasses)
                    + " source probabilities of every image (k = 15 % of the " + targetClasses + " target classes),"
                    + " but the source model has only " + sourceClasses + " classes. Fix: use --mapping blm or linear");
        }
        update(new double[ks][kt]); // uniform until the first measurement
    }

    /** Row step then column step of F (K_s x K_t), row-major K_s x K_t. */
    public static float[] omega(double[][] f) {
        int ks = f.length;
        int kt = f[0].length;
        double[][] p = new double[ks][kt];
        for (int s = 0; s < ks; s++) {
            double rowSum = 0;
            for (int t = 0; t < kt; t++) {
                rowSum += f[s][t];
            }
            for (int t = 0; t < kt; t++) {
                p[s][t] = f[s][t] / (rowSum + LAMBDA);
            }
        }
        float[] w = new float[ks * kt];
        for (int t = 0; t < kt; t++) {
            double colSum = 0;
            for (int s = 0; s < ks; s++) {
                colSum += p[s][t];
            }
            for (int s = 0; s < ks; s++) {
                w[s * kt + t] = (float) (colSum > 0 ? p[s][t] / colSum : 1.0 / ks);
            }
        }
        return w;
    }

    /** Integer counts (hand-made matrices in tests). */
    public static float[] omega(int[][] f) {
        return omega(Frequencies.toDouble(f));
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public int topK() {
        return plus ? Frequencies.blmPlusK(kt) : 0;
    }

    @Override
    public NDArray apply(NDArray sourceLogits) {
        return sourceLogits.matMul(omega);
    }

    /** logits @ omega: the linear form without a bias. */
    @Override
    public Interop interop() {
        return LabelMapping.linearInterop(weights(), new float[kt]);
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return true;
    }

    @Override
    public void update(double[][] frequencies) {
        loadState(omega(frequencies));
    }

    @Override
    public float[][] weights() {
        return LabelMapping.toMatrix(values, ks, kt);
    }

    @Override
    public float[] state() {
        return values.clone();
    }

    @Override
    public void loadState(float[] state) {
        NDArray next = manager.create(state, new Shape(ks, kt));
        if (omega != null) {
            omega.close();
        }
        omega = next;
        values = state.clone();
    }

    /** Registration: id "blm" (argmax counts); reads every source class. */
    public static final class Type extends AbstractMappingType {
        public Type() {
            super("blm", "blm – Bayesian (argmax)",
                    "Bayesian-guided probabilistic mapping from argmax counts, recomputed every epoch",
                    "Works with any number of classes.", true, List.of());
        }

        @Override
        public int exclusiveSourcesPerTarget(ParameterValues settings) {
            return 0;
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new BayesianLabelMapping(c.sourceClasses(), c.targetClassCount(), false, manager);
        }
    }
}
