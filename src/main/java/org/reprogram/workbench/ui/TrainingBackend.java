package org.reprogram.workbench.ui;

import java.io.IOException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.train.RunLauncher;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * How the training ViewModel trains (the engine; a fake one in ViewModel tests). Blocks until
 * done. RUNDIR is asked for the folder only once model and data have loaded.
 */
@FunctionalInterface
public interface TrainingBackend {

    TrainingResult run(TrainConfig config, TargetDataset dataset, RunLauncher.RunDir runDir, TrainingListener listener,
            TrainingControl control) throws IOException;

    /**
     * The engine, with a snapshot every SNAPSHOT_MILLIS: the live view never shows more than
     * 1000/SNAPSHOT_MILLIS pictures a second, and the training thread never waits for the GUI.
     */
    static TrainingBackend engine(long snapshotMillis) {
        return (c, d, dir, l, ctl) -> RunLauncher.run(c, d, dir, l, ctl, snapshotMillis);
    }
}
