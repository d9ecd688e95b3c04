package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * Black-box reprogramming (BAR, Tsai et al. ICML'20): the source model is only queried. The
 * program gradient is the random gradient-free estimate
 * g = (b/q) * sum_j [(L(W + beta u_j) - L(W)) / beta] u_j with u_j uniform on the unit sphere
 * of the b trainable (unmasked) weights; q + 1 queries per image per step. A learned mapping
 * sits on our side of the model, so it gets its exact gradient from the queried logits.
 * Loss: cross-entropy (BAR uses a focal loss; noted in the README).
 */
public final class ZerothOrderTrainer extends ReprogrammingTrainer {

    public ZerothOrderTrainer(long snapshotIntervalMillis) {
        super(snapshotIntervalMillis);
    }

    @Override
    public String name() {
        return "blackbox";
    }

    @Override
    protected StepResult step(Experiment exp, NDManager scope, NDArray x, NDArray y, int[] labels, double lr) {
        TrainConfig cfg = exp.config();
        NDArray weight = exp.program().parameters().get(0);
        NDArray mask = exp.program().trainableMask();
        int q = cfg.queryDirections();
        float beta = (float) cfg.smoothing();
        double b = exp.program().trainableParameters();

        NDArray sourceLogits = exp.source().logits(exp.program().apply(x)); // query 1
        List<NDArray> grads = new ArrayList<>();
        float loss0;
        int correct;
        try (GradientCollector gc = scope.getEngine().newGradientCollector()) {
            NDArray target = exp.mapping().apply(sourceLogits.stopGradient());
            NDArray l = Losses.crossEntropy(target, y);
            loss0 = l.getFloat();
            correct = countCorrect(target, labels);
            if (!exp.mapping().parameters().isEmpty()) {
                gc.backward(l);
            }
        }
        NDArray estimate = weight.zerosLike();
        for (int j = 0; j < q; j++) {
            NDArray u = scope.randomNormal(weight.getShape()).mul(mask);
            u = u.div(u.norm().add(1e-12f));
            NDArray shift = u.mul(beta);
            weight.addi(shift);
            float lj = Losses.crossEntropy(exp.mapping().apply(exp.source().logits(exp.program().apply(x))), y)
                    .getFloat();
            weight.subi(shift);
            estimate.addi(u.mul((float) (b / q * (lj - loss0) / beta)));
        }
        grads.add(estimate);
        for (NDArray p : exp.mapping().parameters()) {
            grads.add(p.getGradient());
        }
        optimizer().step(lr, grads);
        return new StepResult((double) loss0 * labels.length, correct, (long) (q + 1) * labels.length);
    }
}
