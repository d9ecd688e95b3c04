package org.reprogram.workbench.ui.studies;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs an update on the UI thread at most once per interval, however often it is asked for from
 * other threads: a request while one is queued is merged into it, and one coming sooner than the
 * interval after the last update is delayed by a timer thread. Asking never blocks; the update
 * reads the newest state itself, so nothing is lost by merging.
 */
final class UiThrottle {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "studies-ui-throttle");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<Runnable> ui;
    private final long intervalNanos;
    private final Runnable update;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Bumped by {@link #cancel()}: updates asked for before it do not run. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastRun = System.nanoTime() - Long.MAX_VALUE / 4;

    /** UPDATE runs through UI (the UI thread's runLater) at most once per INTERVALMILLIS. */
    UiThrottle(Consumer<Runnable> ui, long intervalMillis, Runnable update) {
        this.ui = ui;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.update = update;
    }

    /** Asks for an update (any thread). */
    void request() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        long asked = generation.get();
        long wait = lastRun + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            ui.accept(() -> run(asked));
        } else {
            TIMER.schedule(() -> ui.accept(() -> run(asked)), wait, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Drops the updates asked for so far (the caller shows the final state itself); waits for one
     * that is running (synchronized with it), so no update runs after this returns.
     */
    synchronized void cancel() {
        generation.incrementAndGet();
        queued.set(false);
    }

    private synchronized void run(long asked) {
        if (asked != generation.get()) {
            return; // cancelled: the final state was shown without it
        }
        queued.set(false);
        lastRun = System.nanoTime();
        update.run();
    }
}
