package org.reprogram.workbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        // Task fires these handlers on the FX thread
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        threads.execute(task);
    }

    @Override
    public void runOnUi(Runnable action) {
        Platform.runLater(action);
    }
}
