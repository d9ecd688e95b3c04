package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * A test-only label mapping (the first K_t source logits, doubled) that no services file of the build
 * registers: the registry tests load it through a services file of their own, and it keeps the
 * default {@link LabelMapping#interop()} (no plain-array form).
 */
public final class ServiceOnlyMapping extends AbstractLabelMapping {

    public ServiceOnlyMapping(int sourceClasses, int targetClasses, NDManager parent) {
        super(sourceClasses, targetClasses, parent);
    }

    @Override
    public String name() {
        return "service-only";
    }

    @Override
    public NDArray apply(NDArray sourceLogits) {
        return sourceLogits.get(":, :" + kt).mul(2f);
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return false;
    }

    @Override
    public void update(double[][] frequencies) {
        // fixed
    }

    @Override
    public float[][] weights() {
        float[][] w = new float[ks][kt];
        for (int t = 0; t < kt; t++) {
            w[t][t] = 2f;
        }
        return w;
    }

    @Override
    public float[] state() {
        return new float[0];
    }

    @Override
    public void loadState(float[] state) {
        // nothing to restore
    }

    /** Registration: id "service-only". */
    public static final class Type extends AbstractMappingType {
        public Type() {
            super("service-only", "service-only – test", "A mapping only a test's services file registers",
                    "Reads the first K_t source classes.", false, List.of());
        }

        @Override
        public int exclusiveSourcesPerTarget(ParameterValues settings) {
            return 0;
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new ServiceOnlyMapping(c.sourceClasses(), c.targetClassCount(), manager);
        }
    }

    /** A second registration under a built-in's id ("ilm"): the registry must refuse it. */
    public static final class ClashingType extends AbstractMappingType {
        public ClashingType() {
            super("ilm", "ilm – again", "A mapping registered under an id that is taken", "-", true, List.of());
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new ServiceOnlyMapping(c.sourceClasses(), c.targetClassCount(), manager);
        }
    }
}
