package org.reprogram.workbench.core.train;

/**
 * Cooperative control of a running trainer, safe to call from any thread.
 * <ul>
 *   <li>pause/resume: training waits between steps, nothing is lost;</li>
 *   <li>stop: finish after the current epoch, evaluate on test, save as "stopped";</li>
 *   <li>cancel: abort at the next step, save what exists as "cancelled" (no test evaluation).</li>
 * </ul>
 * The live view also asks here which page of target classes its sample images should show
 * ({@link SamplePages}); the next snapshot programs those.
 */
public final class TrainingControl {

    private boolean paused;
    private volatile boolean stopRequested;
    private volatile boolean cancelled;
    private volatile boolean interrupted;
    private volatile int samplePage;
    private volatile int suspendAfter;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public void requestStop() {
        stopRequested = true;
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    public synchronized void cancel() {
        cancelled = true;
        paused = false;
        notifyAll();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * A signal (SIGTERM, Ctrl-C) asks the run to end: it stops at the next step with status
     * "interrupted"; the checkpoint of the last finished epoch stays for {@code resume}.
     */
    public synchronized void interrupt() {
        interrupted = true;
        cancel();
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    /**
     * Ends the run after epoch EPOCH (when it has more epochs) as "interrupted", its checkpoint of
     * that epoch kept, so that {@code resume} continues it exactly: how a study's successive halving
     * pauses a trial at a rung and promotes it later. 0: never.
     */
    public void suspendAfterEpoch(int epoch) {
        suspendAfter = Math.max(0, epoch);
    }

    /** True when the run is to be suspended after EPOCH ({@link #suspendAfterEpoch}). */
    public boolean suspendsAfter(int epoch) {
        return suspendAfter > 0 && epoch >= suspendAfter;
    }

    /** The live view shows the sample images of PAGE of the target classes from the next snapshot on. */
    public void showSamplePage(int page) {
        samplePage = Math.max(0, page);
    }

    public int samplePage() {
        return samplePage;
    }

    /** Blocks while paused; throws when cancelled. Called by the trainer between steps. */
    public synchronized void checkpoint() {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw interrupted ? new TrainingInterruptedException() : new TrainingCancelledException();
        }
    }

    /** Thrown inside the trainer to unwind a cancelled run. */
    public static class TrainingCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TrainingCancelledException() {
            super("cancelled by the user");
        }

        TrainingCancelledException(String message) {
            super(message);
        }
    }

    /** Thrown inside the trainer to unwind a run ended by a signal. */
    public static class TrainingInterruptedException extends TrainingCancelledException {
        private static final long serialVersionUID = 1L;

        public TrainingInterruptedException() {
            super("interrupted by a signal");
        }

        TrainingInterruptedException(String message) {
            super(message);
        }
    }

    /** Thrown after the epoch a run is suspended at ({@link #suspendAfterEpoch}): it ends resumable. */
    public static final class TrainingSuspendedException extends TrainingInterruptedException {
        private static final long serialVersionUID = 1L;

        public TrainingSuspendedException(int epoch) {
            super("suspended after epoch " + epoch);
        }
    }
}
