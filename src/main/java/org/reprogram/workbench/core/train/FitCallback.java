package org.reprogram.workbench.core.train;

/**
 * What a run does around {@link FitLoop}'s steps that is not fitting itself: label-mapping
 * updates, live snapshots, checkpoints for resume. Called on the training thread; each hook
 * sees the loop's {@link FitState} (and may count queries in it).
 *
 * @param <S> the module's learned-state copy
 */
public interface FitCallback<S> {

    /** After the module is prepared (and restored, when resumed), before the first epoch. */
    default void onFitStart(FitState<S> state) {}

    /** Before epoch EPOCH's batches are shuffled. */
    default void beforeEpoch(FitState<S> state, int epoch) {}

    /** After every step. */
    default void afterBatch(FitState<S> state) {}

    /** After epoch METRICS were sent, with that epoch's VALIDATION result. */
    default void afterEpoch(FitState<S> state, EpochMetrics metrics, Evaluator.Result validation) {}

    /** Once, whatever the outcome, before the result is sent. */
    default void onFitEnd(FitState<S> state) {}
}
