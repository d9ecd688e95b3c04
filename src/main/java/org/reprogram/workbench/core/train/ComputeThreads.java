package org.reprogram.workbench.core.train;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count for training and evaluation: the available cores by default,
 * {@code --threads} (or the system property {@code reprogram.threads}) to override. Applied on
 * the thread that trains (OpenMP keeps the setting per calling thread), recorded with the device.
 * A resource setting: results do not depend on it beyond float summation order.
 *
 * <p>The workbench window trains with one core fewer ({@link #leaveOneCoreForTheWindow()}).
 * libtorch's OpenMP workers busy-wait at the end of each parallel region; when the window's
 * rendering threads take one of the cores, every region waits for the descheduled worker. On a
 * 2-core machine (demo preset, window under Xvfb at 1600x1000, alternating runs) the window
 * trained in 74-80 s with 2 threads against 22-23 s with 1, while the CLI took 14-20 s either way.
 * {@code docs/bench/gui_vs_cli.sh} measures it.
 */
public final class ComputeThreads {

    private static volatile int requested = Integer.getInteger("reprogram.threads", 0);
    private static volatile int reserved = 0;

    private ComputeThreads() {}

    /** Threads per available core that {@code --threads} accepts at most (more only oversubscribes). */
    public static final int MAX_THREADS_PER_CORE = 4;

    /**
     * Sets the count for the process; 0 restores the default (available cores). Allowed: 0 and
     * 1..{@link #max()}: {@code --threads 1000} on 2 cores ran 7x slower (every parallel region waits
     * for descheduled workers), so counts above 4 per core are refused rather than silently slow.
     */
    public static void set(int threads) {
        int max = max();
        if (threads < 0 || threads > max) {
            throw new org.reprogram.workbench.core.UserInputException("--threads " + threads + " is "
                    + (threads < 0 ? "negative" : "more than this machine can use (" + cores() + " available cores, at most "
                    + MAX_THREADS_PER_CORE + " threads per core)") + ". Fix: give 1.." + max + ", or 0 for all "
                    + cores() + " cores");
        }
        requested = threads;
    }

    /** The largest count {@link #set} accepts: the available cores x {@value #MAX_THREADS_PER_CORE}. */
    public static int max() {
        return cores() * MAX_THREADS_PER_CORE;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The default leaves one core to the window's rendering and event threads (none on a one-core
     * machine); an explicit count ({@link #set}, {@code -Dreprogram.threads}) still wins.
     */
    public static void leaveOneCoreForTheWindow() {
        reserve(1);
    }

    static void reserve(int cores) {
        reserved = cores;
    }

    /** The count in effect: the requested one, else the available cores (less a reserved one). */
    public static int count() {
        return requested > 0 ? requested : defaultCount(Runtime.getRuntime().availableProcessors(), reserved);
    }

    static int defaultCount(int cores, int reservedCores) {
        return Math.max(1, cores - reservedCores);
    }

    /** Sets PyTorch's intra-op threads for the calling thread to {@link #count()}. */
    public static void apply() {
        int n = count();
        if (JniUtils.getNumThreads() != n) {
            JniUtils.setNumThreads(n);
        }
    }

    /** "cpu, 2 threads", "cpu, 1 thread" or "gpu(0)": the device as printed and recorded in result.json. */
    public static String describe(Device device) {
        if (device.isGpu()) {
            return device.toString();
        }
        int n = count();
        return device.getDeviceType() + ", " + n + (n == 1 ? " thread" : " threads");
    }
}
