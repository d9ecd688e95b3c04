package org.reprogram.workbench.ui.training;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest value from the training thread to the UI thread without flooding it: only
 * the latest value is kept, and at most one hand-over is queued at a time. Posting never blocks.
 */
public final class SnapshotPoster<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<Runnable> uiExecutor;
    private final Consumer<T> consumer;

    SnapshotPoster(Consumer<Runnable> uiExecutor, Consumer<T> consumer) {
        this.uiExecutor = uiExecutor;
        this.consumer = consumer;
    }

    /** Called on any thread; the consumer later receives the newest value on the UI thread. */
    void post(T value) {
        latest.set(value);
        if (queued.compareAndSet(false, true)) {
            uiExecutor.accept(() -> {
                queued.set(false);
                T v = latest.getAndSet(null);
                if (v != null) {
                    consumer.accept(v);
                }
            });
        }
    }
}
