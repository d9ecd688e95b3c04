package org.reprogram.workbench.core.study;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingListener;

/**
 * Live epochs of trials that run in the driver's JVM (Spark's local mode): the executor side asks
 * for {@link #listenerFor} a trial, the driver {@link #watch}es its trials. On a cluster the
 * executor's JVM has no watcher and the listener does nothing: the trial's epochs arrive with its
 * run folder.
 */
public final class TrialProgress {

    private static final Map<String, StudyListener> WATCHERS = new ConcurrentHashMap<>();

    private TrialProgress() {}

    /** The listener a trial's run gets where it trains. */
    public static TrainingListener listenerFor(String trialId) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                StudyListener l = WATCHERS.get(trialId);
                if (l != null) {
                    l.onTrialEpoch(trialId, m);
                }
            }
        };
    }

    /** Sends TRIALID's epochs to LISTENER until the returned handle is closed. */
    public static AutoCloseable watch(String trialId, StudyListener listener) {
        WATCHERS.put(trialId, listener);
        return () -> WATCHERS.remove(trialId, listener);
    }
}
