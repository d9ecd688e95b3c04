package org.reprogram.workbench.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * A gradient collector for the calling thread's step, as DJL's {@code PtGradientCollector} (grad
 * mode on while it is open, {@code backward} from a tensor of ones) but without its process-wide
 * "one collector at a time" flag: with DJL's, a second run training in the same JVM (a study's
 * trials on one executor) failed with "A PtGradientCollector is already collecting". PyTorch's grad
 * mode is per thread, so collectors on different threads do not meet; the gradients go to the
 * arrays of the loss's own graph only.
 */
public final class ThreadGradients implements GradientCollector {

    private final boolean gradModeBefore;

    private ThreadGradients() {
        gradModeBefore = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Grad mode on for the calling thread until {@link #close()}. */
    public static GradientCollector open() {
        return new ThreadGradients();
    }

    @Override
    public void backward(NDArray target) {
        NDArray ones = target.getManager().ones(target.getShape(), target.getDataType()).toDevice(target.getDevice(), false);
        JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
    }

    /** Not offered: DJL's zeroes every gradient of the process (another run's too); steps start from fresh gradients. */
    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("zero the gradients of the run's own arrays instead");
    }

    @Override
    public void close() {
        if (!gradModeBefore) {
            JniUtils.setGradMode(false);
        }
    }
}
