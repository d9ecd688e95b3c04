package org.reprogram.workbench.core.spec;

/**
 * The target data of a run and how it is split (the same for every method, so that runs compare).
 *
 * @param target the target dataset folder (ImageFolder or IDX)
 * @param shots training images per class (0: all)
 * @param valFraction share of the training images held out for validation
 * @param skipBadImages leave unreadable images out (listed in the run's notices and result) instead of
 *     refusing the dataset
 */
public record DataSpec(String target, int shots, double valFraction, boolean skipBadImages) {}
