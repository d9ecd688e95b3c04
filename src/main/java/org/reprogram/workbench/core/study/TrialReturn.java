package org.reprogram.workbench.core.study;

import java.io.Serializable;

/**
 * What an executor sends back for one trial: its finished (or rung-paused) run folder, zipped,
 * with the figures the driver's scheduler needs before it unpacks anything.
 *
 * @param trialId the trial's id
 * @param runFolder the zipped run folder, paths as the study names them
 * @param status the run's status word ("completed", "interrupted" when paused at a rung, "failed", ...)
 * @param epochsDone epochs the run has finished in all (a continued run counts its earlier ones)
 * @param epochsTrained epochs this attempt trained
 * @param message the run's message (why it failed), or null
 * @param host where it ran (executor host and id)
 * @param attempt Spark's attempt number of the task (0 for the first)
 * @param seconds wall-clock seconds of this attempt on the executor
 */
public record TrialReturn(String trialId, byte[] runFolder, String status, int epochsDone, int epochsTrained,
        String message, String host, int attempt, double seconds) implements Serializable {

    private static final long serialVersionUID = 1L;
}
