package org.reprogram.workbench.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest value from the training thread to the FX thread without flooding it: only
 * the latest value is kept, and at most one hand-over is queued at a time.
 */
final class SnapshotPoster<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<Runnable> fxExecutor;
    private final Consumer<T> consumer;

    SnapshotPoster(Consumer<Runnable> fxExecutor, Consumer<T> consumer) {
        this.fxExecutor = fxExecutor;
        this.consumer = consumer;
    }

    /** Called on any thread; the consumer later receives the newest value on the FX thread. */
    void post(T value) {
        latest.set(value);
        if (queued.compareAndSet(false, true)) {
            fxExecutor.accept(() -> {
                queued.set(false);
                T v = latest.getAndSet(null);
                if (v != null) {
                    consumer.accept(v);
                }
            });
        }
    }
}
