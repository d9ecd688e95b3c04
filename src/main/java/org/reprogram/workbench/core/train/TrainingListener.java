package org.reprogram.workbench.core.train;

/**
 * Progress of a run, called on the training thread. Implementations must return quickly (a
 * GUI hands the values to its own thread). Values are immutable plain Java: no NDArray.
 */
public interface TrainingListener {

    /** The run is assembled and about to train. */
    default void onStart(RunInfo info) {}

    /** After every training step (cheap numbers only). */
    default void onBatch(BatchProgress progress) {}

    /** A picture of the current state, at the configured rate and at every epoch end. */
    default void onSnapshot(TrainingSnapshot snapshot) {}

    /** After each epoch's validation. */
    default void onEpoch(EpochMetrics metrics) {}

    /** At every epoch end, after {@link #onEpoch} and the epoch's snapshot: the state to resume from. */
    default void onCheckpoint(TrainingCheckpoint checkpoint) {}

    /** Once, whatever the outcome (completed, stopped, cancelled, interrupted, failed). */
    default void onFinish(TrainingResult result) {}
}
