package org.reprogram.workbench.core.train;

/**
 * Everything a run needs to go on after its last finished epoch, as plain arrays: the learned
 * state, the optimizer's moments and step count, the global step (learning-rate schedule), the
 * best-validation state, and the counters reported at the end. Shuffling and black-box
 * directions are seeded per epoch, so no random-generator state is needed. Written at every
 * epoch end (see {@link TrainingListener#onCheckpoint}); {@code resume} continues from it.
 *
 * @param epoch epochs finished
 * @param step optimisation steps taken
 * @param current program and mapping state after EPOCH
 * @param best state of the best validation epoch (null when none)
 * @param bestVal best validation accuracy (NaN when none)
 * @param adam optimizer state
 * @param queries images the source answered: training, mapping, evaluation
 * @param trainImages training images seen (throughput)
 * @param trainNanos time spent in training steps (throughput)
 * @param wallSeconds wall time of the run up to this epoch
 */
public record TrainingCheckpoint(int epoch, long step, Checkpoint current, Checkpoint best, double bestVal,
        AdamState adam, long[] queries, long trainImages, double trainNanos, double wallSeconds) {

    /** Adam's step count and first/second moments per trainable array. */
    public record AdamState(long t, float[][] m, float[][] v) {}
}
