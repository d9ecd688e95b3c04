package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam over a fixed list of arrays using PyTorch's fused in-place update (which also zeroes
 * the gradient). Moment buffers live in the manager given at construction, so per-batch
 * managers never own optimizer state.
 */
public final class AdamOptimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final List<NDArray> parameters;
    private final Map<NDArray, NDArray[]> moments = new IdentityHashMap<>();
    private final float weightDecay;
    private long t;

    public AdamOptimizer(List<NDArray> parameters, NDManager stateManager, double weightDecay) {
        this.parameters = parameters;
        this.weightDecay = (float) weightDecay;
        for (NDArray p : parameters) {
            moments.put(p, new NDArray[] {stateManager.zeros(p.getShape()), stateManager.zeros(p.getShape())});
        }
    }

    /**
     * One update of every parameter with its autograd gradient at learning rate LR. A step whose
     * gradient is not finite is skipped (gradients zeroed) and reported as false: observed
     * sporadically when backpropagating through TorchScript modules with libtorch 2.7.1 on CPU.
     */
    public boolean step(double lr) {
        NDArray[] grads = new NDArray[parameters.size()];
        try {
            boolean finite = true;
            for (int i = 0; i < grads.length; i++) {
                grads[i] = parameters.get(i).getGradient();
                finite &= isFinite(grads[i]);
            }
            if (!finite) {
                for (NDArray g : grads) {
                    g.muli(0);
                }
                return false;
            }
            step(lr, List.of(grads));
            return true;
        } finally {
            for (NDArray g : grads) {
                if (g != null) {
                    g.close();
                }
            }
        }
    }

    /** One update with the given gradients (black-box training passes its estimates). */
    public void step(double lr, List<NDArray> gradients) {
        t++;
        float coef1 = (float) (1 - Math.pow(BETA1, t));
        float coef2 = (float) (1 - Math.pow(BETA2, t));
        float corrected = (float) (lr * Math.sqrt(coef2) / coef1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            NDArray[] m = moments.get(p);
            p.getNDArrayInternal().adamUpdate(new NDList(p, gradients.get(i), m[0], m[1]), new NDList(p),
                    (float) lr, corrected, weightDecay, 1f, -1f, BETA1, BETA2, EPS, true, false);
        }
    }

    private static boolean isFinite(NDArray g) {
        try (NDArray nan = g.isNaN(); NDArray inf = g.isInfinite(); NDArray either = nan.logicalOr(inf);
                NDArray bad = either.any()) {
            return !bad.getBoolean();
        }
    }


    /** Step count and moments as plain arrays (for the epoch checkpoint). */
    public TrainingCheckpoint.AdamState state() {
        float[][] m = new float[parameters.size()][];
        float[][] v = new float[parameters.size()][];
        for (int i = 0; i < m.length; i++) {
            NDArray[] mv = moments.get(parameters.get(i));
            m[i] = mv[0].toFloatArray();
            v[i] = mv[1].toFloatArray();
        }
        return new TrainingCheckpoint.AdamState(t, m, v);
    }

    /** Puts a saved state back; shapes must match the parameters. */
    public void load(TrainingCheckpoint.AdamState s) {
        if (s.m().length != parameters.size()) {
            throw new IllegalArgumentException("checkpoint has " + s.m().length + " optimizer moments, the run "
                    + parameters.size());
        }
        t = s.t();
        for (int i = 0; i < s.m().length; i++) {
            NDArray[] mv = moments.get(parameters.get(i));
            org.reprogram.workbench.core.model.ArrayWrites.write(mv[0], s.m()[i]);
            org.reprogram.workbench.core.model.ArrayWrites.write(mv[1], s.v()[i]);
        }
    }
}
