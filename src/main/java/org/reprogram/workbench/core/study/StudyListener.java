package org.reprogram.workbench.core.study;

import java.util.List;
import java.util.Set;
import org.reprogram.workbench.core.train.EpochMetrics;

/**
 * Hears a running study (on the driver's threads; a GUI throttles and hops to its own thread).
 * Few callbacks: a line of news, the whole state after every change, and live epochs where the
 * backend can send them (in local mode the trials run in this JVM; on a cluster a trial's epochs
 * arrive with its run folder).
 */
public interface StudyListener {

    /** A line worth printing: the backend in use, a rung decided, a trial retried or failed. */
    default void onMessage(String line) {}

    /**
     * The study's state after a change: every trial as the folder has it, the halving plan, and the
     * trials submitted and not yet back (queued or running).
     */
    default void onState(List<TrialRecord> trials, HalvingSchedule.Plan plan, Set<String> submitted) {}

    /** Trial TRIALID finished epoch M (local mode only). */
    default void onTrialEpoch(String trialId, EpochMetrics m) {}
}
