package org.reprogram.workbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where ViewModels send work that must not run on the UI thread (reading folders, validating
 * models, training, copying files) and how results come back. The real implementation
 * ({@link FxTaskExecutor}) runs each job as a {@link javafx.concurrent.Task} on a daemon thread
 * and calls back on the FX thread; ViewModel tests use a synchronous one.
 */
public interface TaskExecutor {

    /**
     * Runs WORK in the background, then ON_SUCCESS with its value or ON_FAILURE with its exception
     * on the UI thread.
     */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs ACTION on the UI thread (soon; never blocks the caller). */
    void runOnUi(Runnable action);

    /**
     * The JVM is exiting: no new background job starts from now on, and this waits up to MILLIS
     * (from any thread but the UI's) until the running ones have returned, so that none is still
     * inside the engine's native code when libtorch goes away. True when none is left running.
     * An executor that runs its jobs on the caller's thread has nothing to wait for.
     */
    default boolean closeAndAwait(long millis) throws InterruptedException {
        return true;
    }
}
