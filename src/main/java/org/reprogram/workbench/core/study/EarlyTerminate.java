package org.reprogram.workbench.core.study;

/**
 * Early termination of a study (W&amp;B's {@code early_terminate}): only {@code hyperband}, i.e.
 * successive halving with rungs at MIN_ITER, MIN_ITER x ETA, ... epochs where the best 1 / ETA of
 * the trials go on, run by {@link HalvingSchedule}.
 *
 * @param type "hyperband"
 * @param minIter epochs of the first rung (at least 1)
 * @param eta the reduction factor between rungs (at least 2; W&amp;B's default 3)
 */
public record EarlyTerminate(String type, int minIter, int eta) {

    /** The one type accepted. */
    public static final String HYPERBAND = "hyperband";

    /** W&amp;B's default reduction factor. */
    public static final int DEFAULT_ETA = 3;
}
