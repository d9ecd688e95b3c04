package org.reprogram.workbench.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process (native + heap), read from /proc on Linux. */
public final class MemoryProbe {

    private MemoryProbe() {}

    /** Peak resident set size in MB (VmHWM), or NaN where /proc is not available. */
    public static double peakRssMegabytes() {
        return read("VmHWM:");
    }

    /** Current resident set size in MB (VmRSS), or NaN. */
    public static double rssMegabytes() {
        return read("VmRSS:");
    }

    /** Bytes the Java heap has handed out so far to all live threads (garbage included), or 0. */
    public static long allocatedBytes() {
        if (java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            long sum = 0;
            for (long id : t.getAllThreadIds()) {
                sum += Math.max(0, t.getThreadAllocatedBytes(id));
            }
            return sum;
        }
        return 0;
    }

    private static double read(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    String kb = line.substring(key.length()).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
