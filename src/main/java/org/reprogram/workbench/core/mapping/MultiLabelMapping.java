package org.reprogram.workbench.core.mapping;

import java.util.List;
import org.reprogram.workbench.core.param.ParameterValues;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.model.Interop;

/**
 * BAR's multi-label mapping (Tsai et al. ICML'20; yunyuntsai/Black-box-Adversarial-Reprogramming
 * {@code mapping_func.py}, {@code adv_reprogramming.py}): each target class gets M source classes,
 * chosen once before training with the initial program; its probability is the average of their
 * softmax probabilities ({@code reduce_mean(gather(imageprob, mlm))}). Target "logits" are the
 * logs of those averages, so cross-entropy and the focal loss read them as the renormalised
 * averaged probabilities. BAR's default is M = 6 ({@code mlm_num}; needs K_s >= 6 K_t).
 * Deliberate differences: the sources are chosen by argmax frequency with ILM-VP's greedy
 * matching (a column closes at M sources) where BAR ranks by mean top-30 probability; and the
 * average is per target class (BAR's reshape interleaves the two classes' labels, a bug).
 */
public final class MultiLabelMapping extends HardLabelMapping {

    private static final float EPS = 1e-12f;

    /** The plain-array form: averaged softmax probabilities of the assigned sources, as logs. */
    public static final String FORMULA = "target = log(softmax(logits) @ mapping_weights + 1e-12)";

    private final int perTarget;

    public MultiLabelMapping(int sourceClasses, int targetClasses, int sourcesPerTarget, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
        this.perTarget = Math.max(1, sourcesPerTarget);
        if ((long) perTarget * targetClasses > sourceClasses) {
            manager.close();
            throw new IllegalArgumentException(perTarget + " source classes per target x " + targetClasses
                    + " targets exceeds the " + sourceClasses + " source classes; lower --sources-per-class");
        }
        int[][] a = new int[targetClasses][perTarget];
        for (int t = 0; t < targetClasses; t++) {
            for (int j = 0; j < perTarget; j++) {
                a[t][j] = t * perTarget + j; // placeholder until the first update
            }
        }
        assign(a);
    }

    @Override
    public String name() {
        return "bar";
    }

    @Override
    public NDArray apply(NDArray sourceLogits) {
        return sourceLogits.softmax(1).matMul(omega()).add(EPS).log();
    }

    /** {@value #FORMULA} (mapping_bias zeros, unused), as {@link #apply}. */
    @Override
    public Interop interop() {
        return Interop.of(FORMULA, LabelMapping.matrixAndBias(weights(), new float[kt]));
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return epoch == 0;
    }

    @Override
    public void update(double[][] frequencies) {
        assign(GreedyMatching.manyToOne(frequencies, perTarget));
    }

    /** Registration: id "bar", m frequency-chosen sources per target class. */
    public static final class Type extends AbstractMappingType {
        public Type() {
            super("bar", "bar – m sources per class",
                    "BAR multi-label: m frequency-chosen sources per target, probabilities averaged",
                    "Needs (sources per class) × (target classes) source classes.", true,
                    List.of(MappingSettings.SOURCES_PER_CLASS));
        }

        @Override
        public int exclusiveSourcesPerTarget(ParameterValues settings) {
            return settings.get(MappingSettings.SOURCES_PER_CLASS);
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new MultiLabelMapping(c.sourceClasses(), c.targetClassCount(),
                    c.settings().get(MappingSettings.SOURCES_PER_CLASS), manager);
        }
    }
}
