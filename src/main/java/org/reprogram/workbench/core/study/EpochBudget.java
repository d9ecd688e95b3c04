package org.reprogram.workbench.core.study;

import java.util.List;

/**
 * The epochs a study spent against what the full grid would have spent: successive halving's
 * saving, counted from the run folders (every epoch a trial trained once; a promoted trial's
 * continued epochs are not counted again).
 *
 * @param spent epochs trained by all trials, baselines included
 * @param full epochs the same trials would train without early termination
 * @param rungs the successive-halving rungs, first first (empty without early_terminate)
 */
public record EpochBudget(long spent, long full, List<Rung> rungs) {

    public EpochBudget {
        rungs = List.copyOf(rungs);
    }

    /**
     * One rung: the configurations that reached it, trained to EPOCHS, and those promoted to the next.
     *
     * @param epochs the rung's epoch count
     * @param configurations configurations trained to it
     * @param promoted configurations promoted to the next rung (0 for the last)
     */
    public record Rung(int epochs, int configurations, int promoted) {}

    /** Spent as a share of full (1 when nothing was saved; 0 for an empty study). */
    public double share() {
        return full == 0 ? 0 : (double) spent / full;
    }
}
