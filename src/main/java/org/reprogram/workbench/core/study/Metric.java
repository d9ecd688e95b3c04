package org.reprogram.workbench.core.study;

import java.util.List;
import java.util.Locale;

/**
 * What a study optimises: a validation figure and its direction. Configurations are chosen by
 * validation only; the test figure of the chosen one is reported, never used to choose.
 *
 * @param name "val_accuracy" or "val_loss"
 * @param goal maximize or minimize (the name's natural direction)
 */
public record Metric(String name, Goal goal) {

    /** The metric when a spec names none. */
    public static final Metric DEFAULT = new Metric("val_accuracy", Goal.MAXIMIZE);

    /** The metric names a study accepts. */
    public static final List<String> NAMES = List.of("val_accuracy", "val_loss");

    /** The direction each metric improves in. */
    public static Goal naturalGoal(String name) {
        return name.endsWith("loss") ? Goal.MINIMIZE : Goal.MAXIMIZE;
    }

    /** Whether a larger value is better. */
    public boolean maximize() {
        return goal == Goal.MAXIMIZE;
    }

    /** The direction of a metric. */
    public enum Goal {
        MAXIMIZE, MINIMIZE;

        /** The id in a study spec ("maximize"). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The goal with id S, or null. */
        public static Goal fromId(String s) {
            for (Goal g : values()) {
                if (g.id().equals(s)) {
                    return g;
                }
            }
            return null;
        }
    }
}
