package org.reprogram.workbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Test executor: UI hand-overs run inline. Background jobs run inline too, unless DEFERRED, then
 * they wait in {@link #pending} until {@link #runPending()} (to act while a job "runs").
 */
public final class SyncTaskExecutor implements TaskExecutor {

    public final List<Runnable> pending = new ArrayList<>();
    private final boolean deferred;

    public SyncTaskExecutor() {
        this(false);
    }

    public SyncTaskExecutor(boolean deferred) {
        this.deferred = deferred;
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Runnable job = () -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(value);
        };
        if (deferred) {
            pending.add(job);
        } else {
            job.run();
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    public void runPending() {
        while (!pending.isEmpty()) {
            pending.remove(0).run();
        }
    }
}
