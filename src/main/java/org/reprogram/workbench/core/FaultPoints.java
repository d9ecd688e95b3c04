package org.reprogram.workbench.core;

/**
 * A seam for crash-consistency tests: when the system property {@value #PROPERTY} names the point
 * a run reaches ({@link #reach}), the JVM halts there at once, as a kill -9 or a power cut would
 * (no shutdown hooks, no finally blocks, no flushing). Unset (always, outside tests) it costs one
 * property read. The named points are the moments between two writes of a run folder or a model
 * folder, e.g. "after-final-checkpoint", "before-result", "after-result-rename".
 */
public final class FaultPoints {

    /** The system property that names the point to halt at. */
    public static final String PROPERTY = "reprogram.faultPoint";

    /** The exit status of a halt at a fault point. */
    public static final int HALT_STATUS = 86;

    private FaultPoints() {}

    /** Halts the JVM if the property names POINT. */
    public static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            System.err.println("fault point reached: " + point);
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
