package org.reprogram.workbench.core.data;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.param.ValueType;

/**
 * How many bytes of decoded target images a dataset may hold in memory before it is read from
 * disk in batches instead: a run's {@code resources.data_memory} ({@code --data-memory}), handed
 * to the loaders as an argument; 0 ("auto") is {@link #defaultBytes()}: a quarter of the Java heap
 * limit, at most an eighth of the machine's memory. Only pure helpers here: no process-wide budget,
 * so two runs in one JVM each load with their own. A resource setting like the thread count:
 * results do not depend on it.
 */
public final class DataMemory {

    /** Longest side images are kept at; larger ones are box-halved at load (see {@link RasterImage#bounded}). */
    public static final int MAX_SIDE = 512;

    private static final ValueType<Long> SIZE = ValueType.byteSize();

    private DataMemory() {}

    /** BYTES, or the default for this machine where it is 0 (auto). */
    public static long orDefault(long bytes) {
        return bytes > 0 ? bytes : defaultBytes();
    }

    public static long defaultBytes() {
        long heap = Runtime.getRuntime().maxMemory() / 4;
        long machine = physicalBytes();
        return Math.max(16L << 20, Math.min(heap, machine == Long.MAX_VALUE ? machine : machine / 8));
    }

    /** This machine's physical memory in bytes; Long.MAX_VALUE where the JVM cannot tell. */
    public static long physicalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    /** "512M", "2G", "1500000" (bytes), "64k"; 0 for "auto" or nothing (the size type of the registry's setting). */
    public static long parse(String text) {
        try {
            return SIZE.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--data-memory: '" + text + "' is not a size. Fix: write e.g. 512M, 2G or auto");
        }
    }

    public static String describe(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return bytes >= 1L << 20 ? String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20))
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
