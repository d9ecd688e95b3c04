package org.reprogram.workbench.core.train;

import org.reprogram.workbench.core.spec.RunSpec;

/** Trains an experiment's program (and mapping) against its frozen source model. */
public interface Trainer {

    /**
     * The workbench's snapshot interval: at most 5 program pictures a second (the sample gallery
     * refreshes at most once a second), so that the live view costs training little.
     */
    long LIVE_VIEW_MILLIS = 200;

    /** The {@link org.reprogram.workbench.core.spec.TrainerKind#id()}: "whitebox" or "blackbox". */
    String name();

    /**
     * Runs the whole training; never throws for cancellation or training failure, which are
     * reported in the result's status (and to {@link TrainingListener#onFinish}).
     */
    TrainingResult train(Experiment experiment, TrainingListener listener, TrainingControl control);

    /** As {@link #train} but continuing after FROM's epoch (a resumed run); FROM may be null. */
    TrainingResult train(Experiment experiment, TrainingListener listener, TrainingControl control,
            TrainingCheckpoint from);

    /** The trainer named in CONFIG. */
    static Trainer forConfig(RunSpec config, long snapshotIntervalMillis) {
        return config.trainer().blackBox()
                ? new ZerothOrderTrainer(snapshotIntervalMillis)
                : new WhiteBoxTrainer(snapshotIntervalMillis);
    }
}
