package org.reprogram.workbench.core.train;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import org.reprogram.workbench.core.spec.Settings;

/**
 * PyTorch's intra-op thread count of a run: its {@code resources.threads} ({@code --threads};
 * 0: the available cores). Applied on the thread that trains or predicts (OpenMP keeps the setting
 * per calling thread), recorded with the device. No process-wide count: two runs in one JVM each
 * apply their own on their own thread. A resource setting: results do not depend on it beyond
 * float summation order.
 *
 * <p>The workbench window trains with one core fewer ({@link #forTheWindow()}: the threads of the
 * specs the window builds). libtorch's OpenMP workers busy-wait at the end of each parallel region;
 * when the window's rendering threads take one of the cores, every region waits for the descheduled
 * worker. On a 2-core machine (demo preset, window under Xvfb at 1600x1000, alternating runs) the
 * window trained in 74-80 s with 2 threads against 22-23 s with 1, while the CLI took 14-20 s
 * either way. {@code docs/bench/gui_vs_cli.sh} measures it.
 */
public final class ComputeThreads {

    private ComputeThreads() {}

    /** The largest count a run may ask for: the available cores x {@value Settings#MAX_THREADS_PER_CORE}. */
    public static int max() {
        return cores() * Settings.MAX_THREADS_PER_CORE;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The window's runs: the available cores less one left to its rendering and event threads
     * (never below one), or {@code -Dreprogram.threads=N} where given.
     */
    public static int forTheWindow() {
        int property = Integer.getInteger("reprogram.threads", 0);
        return property > 0 ? Math.min(property, max()) : defaultCount(cores(), 1);
    }

    /** The count a run that asks for REQUESTED uses: REQUESTED, or the available cores for 0. */
    public static int count(int requested) {
        return requested > 0 ? requested : defaultCount(cores(), 0);
    }

    static int defaultCount(int cores, int reservedCores) {
        return Math.max(1, cores - reservedCores);
    }

    /**
     * Sets PyTorch's intra-op threads of the calling thread to {@link #count}(REQUESTED). The count is
     * read first: that initialises the thread's own setting, so a later parallel region does not
     * re-initialise it from the count another thread set last.
     */
    public static void apply(int requested) {
        int n = count(requested);
        if (JniUtils.getNumThreads() != n) {
            JniUtils.setNumThreads(n);
        }
    }

    /** "cpu, 2 threads", "cpu, 1 thread" or "gpu(0)" for a run asking for REQUESTED threads: as printed and in result.json. */
    public static String describe(Device device, int requested) {
        if (device.isGpu()) {
            return device.toString();
        }
        int n = count(requested);
        return device.getDeviceType() + ", " + n + (n == 1 ? " thread" : " threads");
    }
}
