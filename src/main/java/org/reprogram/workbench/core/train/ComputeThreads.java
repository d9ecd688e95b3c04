package org.reprogram.workbench.core.train;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count for training and evaluation: the available cores by default,
 * {@code --threads} (or the system property {@code reprogram.threads}) to override. Applied on
 * the thread that trains (OpenMP keeps the setting per calling thread), recorded with the device.
 * A resource setting: results do not depend on it beyond float summation order.
 */
public final class ComputeThreads {

    private static volatile int requested = Integer.getInteger("reprogram.threads", 0);

    private ComputeThreads() {}

    /** Sets the count for the process; 0 restores the default (available cores). */
    public static void set(int threads) {
        if (threads < 0) {
            throw new org.reprogram.workbench.core.UserInputException("--threads " + threads
                    + " is negative. Fix: give 1.." + Runtime.getRuntime().availableProcessors() + " or 0 for all cores");
        }
        requested = threads;
    }

    /** The count in effect: the requested one, else the available cores. */
    public static int count() {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /** Sets PyTorch's intra-op threads for the calling thread to {@link #count()}. */
    public static void apply() {
        int n = count();
        if (JniUtils.getNumThreads() != n) {
            JniUtils.setNumThreads(n);
        }
    }

    /** "cpu, 2 threads" or "gpu(0)": the device as printed and recorded in result.json. */
    public static String describe(Device device) {
        return device.isGpu() ? device.toString() : device.getDeviceType() + ", " + count() + " threads";
    }
}
