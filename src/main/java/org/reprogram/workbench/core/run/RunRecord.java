package org.reprogram.workbench.core.run;

import java.nio.file.Path;
import java.util.List;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * A saved run as read back from its folder.
 *
 * @param dir the run folder
 * @param config its configuration
 * @param info what it worked with (null if it never started)
 * @param result the outcome (null while running or after a crash)
 * @param metrics one row per finished epoch
 * @param history epoch-end snapshots (epoch 0 = initial), without sample images
 */
public record RunRecord(
        Path dir, TrainConfig config, RunInfo info, TrainingResult result, List<EpochMetrics> metrics,
        List<TrainingSnapshot> history) {

    public String name() {
        return dir.getFileName().toString();
    }

    /** "completed", "stopped", "cancelled", "failed" or "incomplete" (no result.json). */
    public String status() {
        return result == null ? "incomplete" : result.status();
    }
}
