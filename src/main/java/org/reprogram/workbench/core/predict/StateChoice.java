package org.reprogram.workbench.core.predict;

/**
 * Which learned state of a run to use: the program and mapping of the best validation epoch
 * (what result.json's {@code testAccuracyAtBestVal} measured) or of the last finished epoch
 * ({@code testAccuracy}). Without a choice a run's best state is used when it has one.
 */
public enum StateChoice {
    BEST("best"),
    FINAL("final");

    private final String id;

    StateChoice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** "best" or "final" (any case); anything else is an {@link IllegalArgumentException} naming both. */
    public static StateChoice parse(String s) {
        for (StateChoice c : values()) {
            if (c.id.equalsIgnoreCase(s == null ? "" : s.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("--state: unknown state '" + s + "'. Fix: use best or final");
    }

    @Override
    public String toString() {
        return id;
    }
}
