package org.reprogram.workbench.core.study;

import java.io.Serializable;
import java.util.Map;

/**
 * One trial's work order, as the driver sends it to an executor (Spark serialises it with the job;
 * nothing in it refers to the driver's file system but the original paths it maps).
 *
 * @param trialId the trial's id (its run folder's name)
 * @param configJson the run's config.json text ({@link org.reprogram.workbench.core.spec.RunSpecJson}),
 *     with the paths as the study names them and the resources the study chose
 * @param stopAfterEpoch the epoch after which the run is suspended, resumable (a rung of successive
 *     halving); 0 or the run's epochs: train to the end
 * @param runFolder the zipped run folder to continue from (a trial paused at a rung), or null for a
 *     new run
 * @param shipped original path (as the config names it) to the name of its shipped zip: the inputs
 *     the executor unpacks instead of reading the driver's paths (no shared file system needed)
 */
public record TrialTask(String trialId, String configJson, int stopAfterEpoch, byte[] runFolder,
        Map<String, String> shipped) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrialTask {
        shipped = Map.copyOf(shipped);
    }

    /** True when the trial continues a paused run rather than starting one. */
    public boolean continues() {
        return runFolder != null;
    }
}
