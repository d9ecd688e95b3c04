package org.reprogram.workbench.core.train;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Keeps libtorch's freed tensor memory in the process instead of handing it back to the kernel
 * after every step. glibc's malloc serves the step's activations (0.1-30 MB each) from mmap or
 * trims them off its heaps when freed, so the next step faults the same amount in again, page by
 * page, zero-filled. Measured on the teaching demo in the window (2-core VM, alternating): 0.36-2.6
 * million minor page faults a run (up to 21 s of the training thread's system time in the slowest
 * runs, most of them in libtorch's ReLU and batch-norm kernels by {@code perf record -e
 * page-faults}) against 0.16-0.18 million with the settings below. {@code mallopt} sets
 * {@code M_MMAP_THRESHOLD} to 32 MB (glibc's largest dynamic value, now fixed from the start) and
 * {@code M_TRIM_THRESHOLD} to 512 MB; resident memory then stays at the run's peak instead of
 * going up and down each step. Linux with glibc only; skipped when the user set
 * {@code GLIBC_TUNABLES} or {@code -Dreprogram.mallocTuning=false}.
 */
public final class NativeMemory {

    static final int M_TRIM_THRESHOLD = -1;
    static final int M_MMAP_THRESHOLD = -3;
    static final int MMAP_THRESHOLD_BYTES = 32 << 20;
    static final int TRIM_THRESHOLD_BYTES = 512 << 20;

    private NativeMemory() {}

    /** Applies the settings where they apply; returns whether glibc took both. */
    public static boolean keepFreedMemory() {
        if (!Platform.isLinux() || System.getenv("GLIBC_TUNABLES") != null
                || "false".equals(System.getProperty("reprogram.mallocTuning"))) {
            return false;
        }
        try {
            Function mallopt = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("mallopt");
            boolean mmap = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES}) == 1;
            boolean trim = mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES}) == 1;
            return mmap && trim;
        } catch (LinkageError | RuntimeException e) { // not glibc (musl has no mallopt), or JNA missing: nothing to tune
            return false;
        }
    }
}
