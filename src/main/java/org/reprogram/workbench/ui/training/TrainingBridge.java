package org.reprogram.workbench.ui.training;

import java.util.function.Consumer;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * Engine events (training thread) to the UI thread. Per-step progress and mid-epoch snapshots are
 * coalesced (newest wins, one hand-over in flight); start, epoch metrics and epoch-end snapshots
 * are rare and always delivered. Every callback returns at once.
 */
public final class TrainingBridge implements TrainingListener {

    interface Sink {
        void started(RunInfo info);

        void progress(BatchProgress p);

        void live(TrainingSnapshot s);

        void epochSnapshot(TrainingSnapshot s);

        void epoch(EpochMetrics m);
    }

    static final long PROGRESS_NANOS = 250_000_000L;
    private final Consumer<Runnable> ui;
    private long lastProgress;
    private final Sink sink;
    private final SnapshotPoster<BatchProgress> progress;
    private final SnapshotPoster<TrainingSnapshot> snapshots;

    TrainingBridge(Consumer<Runnable> ui, Sink sink) {
        this.ui = ui;
        this.sink = sink;
        this.progress = new SnapshotPoster<>(ui, sink::progress);
        this.snapshots = new SnapshotPoster<>(ui, sink::live);
    }

    @Override
    public void onStart(RunInfo info) {
        ui.accept(() -> sink.started(info));
    }

    /**
     * At most about 4 progress updates a second (every label change costs a full software-rendered
     * pulse on small machines); the first and last batch of each epoch always go through.
     */
    @Override
    public void onBatch(BatchProgress p) {
        long now = System.nanoTime();
        if (p.batch() == 1 || p.batch() == p.batches() || now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            progress.post(p);
        }
    }

    @Override
    public void onSnapshot(TrainingSnapshot s) {
        if (s.epochEnd() || s.epoch() == 0) {
            ui.accept(() -> sink.epochSnapshot(s));
        } else {
            snapshots.post(s);
        }
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        ui.accept(() -> sink.epoch(m));
    }
}
