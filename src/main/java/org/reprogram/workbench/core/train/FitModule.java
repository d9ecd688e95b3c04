package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.spec.LearningRateSchedule;

/**
 * What {@link FitLoop} fits: a reprogramming experiment (program and mapping against a frozen
 * source) or a baseline network. The loop owns epochs, batches, control, the schedule, NaN
 * checks, validation, best tracking and the result; a module says how to take one step, how to
 * evaluate a split, and how to save and restore its learned state.
 *
 * @param <S> a copy of the learned state (for the test accuracy of the best-validation epoch)
 */
public interface FitModule<S> {

    /** The splits a module evaluates. */
    enum Split { VALIDATION, TEST }

    /** What one step reports: summed loss over the batch, correct predictions, model queries used. */
    record StepResult(double lossSum, int correct, long queries) {}

    /** What the run is (sent to {@link TrainingListener#onStart}). */
    RunInfo runInfo();

    /** Called once inside the loop's error handling, before the first step; may count queries in STATE. */
    void prepare(FitState<S> state);

    /** Images in the training split. */
    int trainSize();

    /** The learning-rate schedule of the run. */
    LearningRateSchedule schedule();

    /** Called first in each epoch, before the callbacks' {@link FitCallback#beforeEpoch} (e.g. seeding). */
    default void beginEpoch(int epoch) {}

    /** Called before each epoch's batches with that epoch's shuffled ORDER of the training split. */
    void startEpoch(int epoch, int[] order);

    /** A per-batch memory scope holding the trainable arrays (closed after the step). */
    NDManager openScope();

    /** One optimisation step on the training images ORDER[FROM..TO) of this epoch, at learning rate LR. */
    StepResult step(NDManager scope, int from, int to, double lr);

    /** After each step, outside its scope (e.g. a program's constraints). */
    default void afterStep() {}

    /** Called after the last epoch, or when the loop ends early (frees loaders). */
    default void endEpochs() {}

    /** Loss, accuracy, confusion and queries on SPLIT with the current state. */
    Evaluator.Result evaluate(Split split);

    /**
     * True: the loop evaluates the test split whenever validation reaches a new best (baselines);
     * false: it keeps {@link #state} of the best epoch and evaluates it once at the end.
     */
    boolean testsWhenBestFound();

    /** A copy of the learned state after EPOCH (-1: not an epoch end); null when {@link #testsWhenBestFound}. */
    S state(int epoch);

    /** Puts STATE back. */
    void restore(S state);

    /** The learning rate reported in an epoch's metrics, given the last step's rate LR. */
    default double reportedRate(double lr) {
        return lr;
    }

    /** The program's input scale for the epoch's metrics (NaN: none). */
    default double inputScale() {
        return Double.NaN;
    }

    /** Warnings about the epoch (divergence, collapse), or null. */
    String epochWarning(double meanTrainLoss, Evaluator.Result validation);

    /** Fills in what the module knows of the result (program, mapping, trainer, parameters, ...). */
    void describe(TrainingResult.Builder result, FitState<S> state);
}
