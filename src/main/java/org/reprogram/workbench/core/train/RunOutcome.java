package org.reprogram.workbench.core.train;

/**
 * How a training loop ended, in the words of result.json: the one translation of a throwable
 * (cancel, training failure, out of memory, anything else) shared by the reprogramming and
 * baseline trainers.
 *
 * @param status cancelled, interrupted or failed
 * @param message what happened and, where there is one, the fix
 */
public record RunOutcome(RunStatus status, String message) {

    /** The outcome of E, thrown during epoch EPOCHSDONE + 1 of a loop with batch size BATCH. */
    public static RunOutcome of(Throwable e, int epochsDone, int batch) {
        if (e instanceof TrainingControl.TrainingSuspendedException) {
            return new RunOutcome(RunStatus.INTERRUPTED, "paused after epoch " + epochsDone + " (a study's successive"
                    + " halving rung); the checkpoint after epoch " + epochsDone + " is kept. Continue with: resume RUN_DIR");
        }
        if (e instanceof TrainingControl.TrainingInterruptedException) {
            return new RunOutcome(RunStatus.INTERRUPTED, "interrupted by a signal during epoch " + (epochsDone + 1)
                    + "; the checkpoint after epoch " + epochsDone + " is kept. Continue with: resume RUN_DIR");
        }
        if (e instanceof TrainingControl.TrainingCancelledException) {
            return new RunOutcome(RunStatus.CANCELLED, "cancelled by the user during epoch " + (epochsDone + 1));
        }
        if (e instanceof TrainingFailedException
                || e instanceof org.reprogram.workbench.core.UserInputException) { // e.g. run files not writable
            return new RunOutcome(RunStatus.FAILED, e.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return new RunOutcome(RunStatus.FAILED, "out of memory (" + e.getMessage() + "). Fix: lower the batch size (now "
                    + batch + ")");
        }
        return new RunOutcome(RunStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
