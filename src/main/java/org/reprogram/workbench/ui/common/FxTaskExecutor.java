package org.reprogram.workbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Background jobs as JavaFX {@link Task}s on daemon threads; callbacks on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workbench-task-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    /** Jobs handed to {@link #execute} whose work has not returned yet (guarded by this). */
    private int active;
    private boolean closed;

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        synchronized (this) {
            if (closed) {
                return; // the JVM is exiting: nothing new may start work in libtorch
            }
            active++;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                try {
                    return work.call();
                } finally {
                    jobEnded();
                }
            }
        };
        // Task fires these handlers on the FX thread
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        try {
            threads.execute(task);
        } catch (RuntimeException e) {
            jobEnded();
            throw e;
        }
    }

    private synchronized void jobEnded() {
        active--;
        notifyAll();
    }

    /** Refuses new jobs from now on and waits up to MILLIS until the running ones have returned. */
    @Override
    public synchronized boolean closeAndAwait(long millis) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (active > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    @Override
    public void runOnUi(Runnable action) {
        Platform.runLater(action);
    }
}
