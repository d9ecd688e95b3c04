package org.reprogram.workbench.core.study;

import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * What one trial of a study gave: the figures the statistics use. Only completed trials count
 * ({@link #counts()}); a stopped, cancelled, failed, interrupted or still running one is kept with
 * its status so that the summary can say it was left out.
 *
 * @param trialId the trial's id (its run folder's name when read from a run)
 * @param configuration everything but the seed
 * @param method "reprogram" or a baseline's id, the configuration's (null: taken from it)
 * @param seed the seed
 * @param bestValAccuracy best validation accuracy over the epochs (NaN when unknown)
 * @param testAccuracyAtBestVal test accuracy of the best validation epoch (NaN when unknown)
 * @param trainableParameters trainable parameters
 * @param wallSeconds wall-clock seconds of the run
 * @param queries source-model queries
 * @param status "completed", "stopped", "failed", "interrupted", "running", ...
 */
public record TrialOutcome(String trialId, ConfigurationKey configuration, String method, long seed,
        double bestValAccuracy, double testAccuracyAtBestVal, long trainableParameters, double wallSeconds,
        long queries, String status) {

    /** The status of a trial that counts. */
    public static final String COMPLETED = RunStatus.COMPLETED.id();

    public TrialOutcome {
        if (trialId == null || configuration == null || status == null) {
            throw new IllegalArgumentException("a trial outcome needs its id, configuration and status");
        }
        if (method == null) {
            method = configuration.method();
        } else if (!method.equals(configuration.method())) {
            throw new IllegalArgumentException("trial " + trialId + ": method " + method
                    + " is not its configuration's (" + configuration.method() + ")");
        }
    }

    /** A completed trial of CONFIGURATION (its method) with the figures the statistics need. */
    public static TrialOutcome completed(String trialId, ConfigurationKey configuration, long seed,
            double bestValAccuracy, double testAccuracyAtBestVal, long trainableParameters, double wallSeconds,
            long queries) {
        return new TrialOutcome(trialId, configuration, configuration.method(), seed, bestValAccuracy,
                testAccuracyAtBestVal, trainableParameters, wallSeconds, queries, COMPLETED);
    }

    /**
     * The outcome of a readable RUN (its config and result); one without a result (running,
     * interrupted) has NaN figures and its status, so the statistics leave it out and say so.
     *
     * @throws IllegalArgumentException for a folder that is not a readable run
     */
    public static TrialOutcome fromRun(RunRecord run) {
        if (!run.readable() || run.config() == null) {
            throw new IllegalArgumentException(run.dir() + " is not a readable run: " + run.problem());
        }
        ConfigurationKey key = ConfigurationKey.of(run);
        TrainingResult r = run.result();
        if (r == null) {
            return new TrialOutcome(run.name(), key, run.method(), run.config().seed(), Double.NaN, Double.NaN,
                    0, Double.NaN, 0, run.status());
        }
        return new TrialOutcome(run.name(), key, run.method(), run.config().seed(), r.bestValAccuracy(),
                r.testAccuracyAtBestVal(), r.trainableParameters(), r.wallSeconds(), r.queries(), run.status());
    }

    /**
     * Why this trial takes no part in the statistics, or null when it does: only completed trials
     * with a best validation accuracy and a test accuracy at that epoch count.
     */
    public String leftOutBecause() {
        if (!COMPLETED.equals(status)) {
            return status;
        }
        if (!Double.isFinite(bestValAccuracy) || !Double.isFinite(testAccuracyAtBestVal)) {
            return "no validation or test accuracy";
        }
        return null;
    }

    /** True when the trial takes part in the statistics. */
    public boolean counts() {
        return leftOutBecause() == null;
    }

    /** True for a baseline (linear probe, fine-tuning, from scratch), false for reprogramming. */
    public boolean isBaseline() {
        return !TrainingResult.METHOD_REPROGRAM.equals(method);
    }
}
