package org.reprogram.workbench.ui.studies;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * Test executor for work that must really run beside the test (a study to cancel): each job on its
 * own daemon thread; its callbacks and UI hand-overs run one at a time (the "UI thread" is this
 * executor's lock, which tests also take to read the ViewModel: {@link #read}).
 */
final class ThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Thread t = new Thread(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                runOnUi(() -> onFailure.accept(e));
                return;
            }
            runOnUi(() -> onSuccess.accept(value));
        }, "test-task");
        t.setDaemon(true);
        t.start();
    }

    /** VALUE read under the "UI thread" lock. */
    synchronized <T> T read(java.util.function.Supplier<T> value) {
        return value.get();
    }

    @Override
    public synchronized void runOnUi(Runnable action) {
        action.run();
    }
}
