package org.reprogram.workbench.core.study;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Where a study's trials run: each trial is submitted as one task ({@link TrialTask}) and comes back
 * as a {@link TrialReturn}. The study's driver ({@link StudyRunner}) decides what runs when; a
 * backend only executes, retrying tasks whose executor died. The production backend is Apache Spark
 * ({@code core.study.spark.SparkBackend}); tests also use an in-process one.
 */
public interface TrialBackend extends AutoCloseable {

    /** In words, printed before the first trial: "local[2]: 2 trials at once x 1 thread each (2 cores)". */
    String describe();

    /** Trials that run at once. */
    int concurrentTrials();

    /** Compute threads each trial uses (its runs' resources.threads). */
    int threadsPerTrial();

    /**
     * Makes FILE (a zip in the study folder) available to every executor under the returned name,
     * which {@link TrialWork} resolves where the task runs.
     */
    String ship(Path file);

    /** Runs TASK on an executor; the future fails only when the backend gave up on it (retries exhausted, cancelled). */
    CompletableFuture<TrialReturn> submit(TrialTask task);

    /** Cancels every submitted trial that has not come back. */
    void cancelAll();

    @Override
    void close();
}
