package org.reprogram.workbench.ui.training;

import java.io.IOException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * How the training ViewModel trains (the engine; a fake one in ViewModel tests). Blocks until
 * done. RUNDIR is asked for the folder only once model and data have loaded.
 */
@FunctionalInterface
public interface TrainingBackend {

    TrainingResult run(RunSpec config, TargetDataset dataset, RunLauncher.RunDir runDir, TrainingListener listener,
            TrainingControl control) throws IOException;

    /**
     * The engine, with a snapshot every SNAPSHOT_MILLIS: the live view never shows more than
     * 1000/SNAPSHOT_MILLIS pictures a second, and the training thread never waits for the GUI.
     */
    static TrainingBackend engine(long snapshotMillis) {
        return new TrainingBackend() {
            @Override
            public TrainingResult run(RunSpec c, TargetDataset d, RunLauncher.RunDir dir, TrainingListener l,
                    TrainingControl ctl) throws IOException {
                return RunLauncher.run(c, d, dir, l, ctl, snapshotMillis);
            }

            @Override
            public TrainingResult resume(java.nio.file.Path dir, TrainingListener l, TrainingControl ctl)
                    throws IOException {
                return RunLauncher.resume(dir, null, l, ctl, snapshotMillis);
            }
        };
    }

    /** Continues the interrupted run in DIR from its last epoch checkpoint (see RunLauncher.resume). */
    default TrainingResult resume(java.nio.file.Path dir, TrainingListener listener, TrainingControl control)
            throws IOException {
        throw new UnsupportedOperationException("this backend cannot resume runs");
    }
}
