package org.reprogram.workbench.core.study;

import java.util.Locale;

/** How a study picks its configurations: every combination of the values, or draws from the distributions. */
public enum SearchMethod {
    /** The cartesian product of every parameter's values, in the spec's order (the first varies slowest). */
    GRID,
    /** {@code run_cap} configurations drawn from the distributions with the study's seed. */
    RANDOM;

    /** The id in a study spec ("grid"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method with id S, or null. */
    public static SearchMethod fromId(String s) {
        for (SearchMethod m : values()) {
            if (m.id().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
