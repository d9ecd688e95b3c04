package org.reprogram.workbench.core.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is thread-local and on by default in new threads; DJL switches it off only
 * in the thread that loaded the engine. A trainer running in a GUI service or test thread must
 * switch it off itself, or evaluation builds autograd graphs and in-place updates of the
 * program (black-box probes) fail with "a leaf Variable that requires grad ...". Prediction
 * ({@code core.predict}) prepares its threads the same way.
 */
public final class TrainingThread {

    private TrainingThread() {}

    /**
     * Grad mode off for the calling thread (GradientCollector turns it on per step); THREADS (the
     * run's {@code resources.threads}, 0: the available cores) applied to it ({@link ComputeThreads#apply}).
     */
    public static void prepare(int threads) {
        JniUtils.setGradMode(false);
        ComputeThreads.apply(threads);
    }
}
