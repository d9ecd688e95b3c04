package org.reprogram.workbench.core.data;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.reprogram.workbench.core.UserInputException;

/**
 * How many bytes of decoded target images a dataset may hold in memory before it is read from
 * disk in batches instead. Default: a quarter of the Java heap limit, at most an eighth of the
 * machine's memory; {@code --data-memory} (or the system property {@code reprogram.dataMemory})
 * sets it for the process. A resource setting like the thread count: results do not depend on it.
 */
public final class DataMemory {

    /** Longest side images are kept at; larger ones are box-halved at load (see {@link RasterImage#bounded}). */
    public static final int MAX_SIDE = 512;

    private static volatile long budget = parseProperty();

    private DataMemory() {}

    public static long budgetBytes() {
        return budget > 0 ? budget : defaultBytes();
    }

    /** Sets the budget; 0 restores the default. */
    public static void setBudget(long bytes) {
        budget = Math.max(0, bytes);
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

    /** "512M", "2G", "1500000" (bytes), "64k"; 0 or "auto" for the default. */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("auto")) {
            return 0;
        }
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'b') {
            t = t.substring(0, t.length() - 1);
            last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        }
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> unit = 1;
        }
        String num = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double v = Double.parseDouble(num);
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return (long) (v * unit);
        } catch (NumberFormatException e) {
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

    private static long parseProperty() {
        try {
            return parse(System.getProperty("reprogram.dataMemory", ""));
        } catch (UserInputException e) {
            return 0;
        }
    }
}
