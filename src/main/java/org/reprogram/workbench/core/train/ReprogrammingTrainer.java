package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.reprogram.workbench.core.train.FitModule.StepResult;

/**
 * The white-box and black-box trainers' common part: Adam over the experiment's trainable arrays
 * and a run through the {@link FitLoop} (the experiment as a {@link ReprogrammingModule}, with the
 * label-mapping update, the {@link LiveView} and resume checkpoints as callbacks). Subclasses
 * implement one optimisation step.
 */
public abstract class ReprogrammingTrainer implements Trainer {

    private final long snapshotIntervalMillis;
    private AdamOptimizer optimizer;

    protected ReprogrammingTrainer(long snapshotIntervalMillis) {
        this.snapshotIntervalMillis = snapshotIntervalMillis;
    }

    /** Adam over the experiment's trainable arrays, created at the start of each run. */
    protected final AdamOptimizer optimizer() {
        return optimizer;
    }

    /** Makes the optimizer and prepares the trainer: the start of {@link #train}, and of the bench's own step loop. */
    final void beginSteps(Experiment exp) {
        TrainingThread.prepare(exp.config().resources().threads());
        optimizer = new AdamOptimizer(exp.trainableArrays(), exp.manager(), exp.config().optimization().weightDecay());
        prepare(exp);
    }

    /** One step as {@link #step}, for the bench; the program's constraints are applied after it. */
    final StepResult benchStep(Experiment exp, NDManager scope, NDArray x, NDArray y, int[] labels, double lr) {
        StepResult r = step(exp, scope, x, y, labels, lr);
        exp.program().afterStep();
        return r;
    }

    /** Called once before the first step (after the optimizer exists). */
    protected void prepare(Experiment exp) {}

    /** One optimisation step on batch X (canvases) with labels Y at learning rate LR. */
    protected abstract StepResult step(Experiment exp, NDManager scope, NDArray x, NDArray y, int[] labels, double lr);

    @Override
    public TrainingResult train(Experiment exp, TrainingListener listener, TrainingControl control) {
        return train(exp, listener, control, null);
    }

    @Override
    public TrainingResult train(Experiment exp, TrainingListener listener, TrainingControl control,
            TrainingCheckpoint resumeFrom) {
        ReprogrammingModule module = new ReprogrammingModule(exp, this, resumeFrom);
        List<FitCallback<Checkpoint>> callbacks = List.of(
                ReprogrammingCallbacks.mappingUpdate(exp, module.evaluator()),
                new LiveView(exp, listener, control, snapshotIntervalMillis),
                ReprogrammingCallbacks.checkpoints(exp, this, listener));
        FitLoop.Resume<Checkpoint> resume = resumeFrom == null ? null : new FitLoop.Resume<>(resumeFrom.epoch(),
                resumeFrom.step(), resumeFrom.best(), resumeFrom.best() == null ? 0 : resumeFrom.best().epoch(),
                resumeFrom.bestVal(), resumeFrom.queries(), resumeFrom.trainImages(), resumeFrom.trainNanos(),
                resumeFrom.wallSeconds());
        var o = exp.config().optimization();
        return new FitLoop<>(module, callbacks, listener, control).run(o.epochs(), o.batchSize(), o.lr(), exp.config().seed(),
                resume);
    }

    /** Counts correct argmax predictions of LOGITS against LABELS. */
    public static int countCorrect(NDArray logits, int[] labels) {
        int[] pred = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        int c = 0;
        for (int i = 0; i < labels.length; i++) {
            if (pred[i] == labels[i]) {
                c++;
            }
        }
        return c;
    }
}
