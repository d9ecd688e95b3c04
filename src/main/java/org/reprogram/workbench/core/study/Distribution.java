package org.reprogram.workbench.core.study;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a random study draws a parameter's value (W&amp;B's distribution names). */
public enum Distribution {
    /** One of the listed values, each as likely. */
    CATEGORICAL,
    /** A real number uniform in [min, max]. */
    UNIFORM,
    /** A real number whose logarithm is uniform in [log min, log max] (min &gt; 0): learning rates. */
    LOG_UNIFORM_VALUES,
    /** A whole number uniform in min..max, both included. */
    INT_UNIFORM;

    /** The id in a study spec ("log_uniform_values"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether values are drawn from a min..max range rather than a list. */
    public boolean isRange() {
        return this != CATEGORICAL;
    }

    /** The distribution with id S, or null. */
    public static Distribution fromId(String s) {
        for (Distribution d : values()) {
            if (d.id().equals(s)) {
                return d;
            }
        }
        return null;
    }

    /** Every id, comma separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Distribution::id).collect(Collectors.joining(", "));
    }
}
