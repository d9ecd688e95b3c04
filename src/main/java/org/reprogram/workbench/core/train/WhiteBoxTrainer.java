package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.train.FitModule.StepResult;

/**
 * White-box reprogramming: cross-entropy (or BAR's focal loss) on the mapped logits, backpropagated through the
 * frozen source model (inference mode) to the program and, for learned mappings, the mapping;
 * Adam updates only those.
 */
public final class WhiteBoxTrainer extends ReprogrammingTrainer {

    private static final int MAX_SKIPPED_STEPS = 20;

    private int skippedSteps;

    public WhiteBoxTrainer(long snapshotIntervalMillis) {
        super(snapshotIntervalMillis);
    }

    @Override
    public String name() {
        return TrainerKind.WHITEBOX.id();
    }

    @Override
    protected void prepare(Experiment exp) {
        skippedSteps = 0;
    }

    @Override
    protected StepResult step(Experiment exp, NDManager scope, NDArray x, NDArray y, int[] labels, double lr) {
        float loss;
        int correct;
        try (GradientCollector gc = org.reprogram.workbench.core.model.ThreadGradients.open()) {
            // training=true: the program's own BatchNorm (smm's mask network) uses batch statistics;
            // the frozen source always runs in inference mode
            NDArray target = exp.mapping().apply(exp.source().logits(exp.program().apply(x, true)));
            NDArray l = Losses.of(exp.config().optimization().loss(), target, y);
            gc.backward(l);
            loss = l.getFloat();
            correct = countCorrect(target, labels);
        }
        if (!optimizer().step(lr)) {
            skippedSteps++;
            if (skippedSteps > MAX_SKIPPED_STEPS) {
                throw new TrainingFailedException(skippedSteps + " steps had a non-finite gradient (NaN/Inf) through the"
                        + " source model. Fix: lower the learning rate, or check the source model with a dry run");
            }
        }
        return new StepResult((double) loss * labels.length, correct, labels.length);
    }
}
