package org.reprogram.workbench.core.train;

import java.util.List;

/** Fans events out to several listeners, in order. */
public final class TrainingListeners implements TrainingListener {

    private final List<TrainingListener> listeners;

    private TrainingListeners(List<TrainingListener> listeners) {
        this.listeners = listeners;
    }

    public static TrainingListener of(TrainingListener... listeners) {
        return new TrainingListeners(List.of(listeners));
    }

    @Override
    public void onStart(RunInfo info) {
        listeners.forEach(l -> l.onStart(info));
    }

    @Override
    public void onBatch(BatchProgress progress) {
        listeners.forEach(l -> l.onBatch(progress));
    }

    @Override
    public void onSnapshot(TrainingSnapshot snapshot) {
        listeners.forEach(l -> l.onSnapshot(snapshot));
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        listeners.forEach(l -> l.onEpoch(metrics));
    }

    @Override
    public void onCheckpoint(TrainingCheckpoint checkpoint) {
        listeners.forEach(l -> l.onCheckpoint(checkpoint));
    }

    @Override
    public void onFinish(TrainingResult result) {
        listeners.forEach(l -> l.onFinish(result));
    }
}
