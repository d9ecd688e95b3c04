package org.reprogram.workbench.core.spec;

/**
 * How the trainable weights are optimised (Adam).
 *
 * @param epochs epochs (the linear probe: the most L-BFGS iterations)
 * @param batchSize images per step
 * @param lr Adam's learning rate
 * @param schedule the learning rate over the run's steps
 * @param weightDecay L2 penalty on the program weights (Elsayed's lambda)
 * @param loss the training loss
 */
public record OptimizationSpec(int epochs, int batchSize, double lr, LearningRateSchedule schedule, double weightDecay,
        LossKind loss) {}
