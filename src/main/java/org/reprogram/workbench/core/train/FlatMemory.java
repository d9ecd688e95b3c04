package org.reprogram.workbench.core.train;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Keeps resident memory flat over long runs. Measured with {@code bench --soak}: native memory
 * (libtorch) stays flat from epoch to epoch; what grew (about 3 MB an epoch on the sample
 * digits, +40 % by epoch 40) was the Java heap touching fresh pages for short-lived garbage
 * (2.9 MB an epoch) because no collection ran for minutes in a large, mostly empty heap. A
 * periodic G1 collection when none ran for a second re-uses the touched pages instead; it cost
 * no measurable throughput. The interval is a manageable JVM flag, set here at start-up so the
 * plain {@code java -jar} command gets it; an explicit {@code -XX:G1PeriodicGCInterval} wins.
 *
 * <p>The window uses {@link #WINDOW_INTERVAL_MILLIS}: its heap is larger (JavaFX) and its own
 * allocations bring young collections anyway, while a concurrent cycle every second cost 5-7 s
 * of CPU in a 45-65 s teaching demo on 2 cores (G1 marking thread 4.9 s and GC workers 1.9 s,
 * against 0.2 s with the periodic collection off), taken from the training core.
 */
public final class FlatMemory {

    static final long INTERVAL_MILLIS = 1000;
    /** The window's interval (see the class comment). */
    public static final long WINDOW_INTERVAL_MILLIS = 10_000;

    private FlatMemory() {}

    /** Turns the periodic collection on where the JVM runs G1 and the user set no interval; returns whether it is on. */
    public static boolean enable() {
        return enable(INTERVAL_MILLIS);
    }

    /** {@link #enable()} with a collection when none ran for MILLIS. */
    public static boolean enable(long millis) {
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hs == null) {
                return false;
            }
            var option = hs.getVMOption("G1PeriodicGCInterval");
            if (!"DEFAULT".equals(option.getOrigin().name())) {
                return !"0".equals(option.getValue());
            }
            if (!"true".equals(hs.getVMOption("UseG1GC").getValue())) {
                return false;
            }
            hs.setVMOption("G1PeriodicGCInterval", Long.toString(millis));
            return true;
        } catch (RuntimeException e) { // another JVM or GC: nothing to do
            return false;
        }
    }
}
