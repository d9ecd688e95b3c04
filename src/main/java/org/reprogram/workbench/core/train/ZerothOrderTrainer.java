package org.reprogram.workbench.core.train;

import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.TrainerKind;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.reprogram.workbench.core.train.FitModule.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Black-box reprogramming (BAR, Tsai et al. ICML'20; yunyuntsai/Black-box-Adversarial-
 * Reprogramming {@code estimator.py}): the source model is only queried for its outputs. The
 * program gradient is the random gradient-free estimate
 * g = (b/q) * sum_j [(L(theta + beta u_j) - L(theta)) / beta] u_j, u_j a Gaussian direction
 * normalised to the unit sphere over all b trainable (unmasked) program entries (every program
 * array together: frame, scale, mask network); q + 1 queries per image per step. A learned
 * mapping sits on our side of the model, so it gets its exact gradient from the queried outputs.
 * Loss: cross-entropy or BAR's focal loss ({@code --loss focal}).
 *
 * <p>Defaults here: q = {@value #DEFAULT_QUERIES}, beta = {@value #DEFAULT_SMOOTHING}. BAR's released
 * code sets q = 1, beta = 0.1, b = d, and then, notably, updates with the exact white-box gradient
 * (the line feeding the estimate to Adam is commented out); this trainer really uses the
 * estimate, so it is what a black-box user gets. The program's BatchNorm (smm) stays in
 * inference mode here: a queried loss must be a deterministic function of the parameters.
 */
public final class ZerothOrderTrainer extends ReprogrammingTrainer {

    public static final int DEFAULT_QUERIES = 10;
    public static final double DEFAULT_SMOOTHING = 0.05;

    public ZerothOrderTrainer(long snapshotIntervalMillis) {
        super(snapshotIntervalMillis);
    }

    @Override
    public String name() {
        return TrainerKind.BLACKBOX.id();
    }

    @Override
    protected StepResult step(Experiment exp, NDManager scope, NDArray x, NDArray y, int[] labels, double lr) {
        RunSpec cfg = exp.config();
        List<NDArray> weights = exp.program().parameters();
        List<NDArray> masks = exp.program().trainableMasks();
        int q = cfg.trainer().queryDirections();
        float beta = (float) cfg.trainer().smoothing();
        double b = exp.program().trainableParameters();

        NDArray sourceLogits = exp.source().logits(exp.program().apply(x)); // query 1
        float loss0;
        int correct;
        try (GradientCollector gc = org.reprogram.workbench.core.model.ThreadGradients.open()) {
            NDArray target = exp.mapping().apply(sourceLogits.stopGradient());
            NDArray l = Losses.of(cfg.optimization().loss(), target, y);
            loss0 = l.getFloat();
            correct = countCorrect(target, labels);
            if (!exp.mapping().parameters().isEmpty()) {
                gc.backward(l);
            }
        }
        List<NDArray> estimates = new ArrayList<>();
        for (NDArray w : weights) {
            estimates.add(w.zerosLike());
        }
        for (int j = 0; j < q; j++) {
            List<NDArray> u = new ArrayList<>();
            NDArray norm2 = scope.zeros(new ai.djl.ndarray.types.Shape());
            for (int i = 0; i < weights.size(); i++) {
                NDArray ui = scope.randomNormal(weights.get(i).getShape()).mul(masks.get(i));
                u.add(ui);
                norm2 = norm2.add(ui.square().sum());
            }
            float norm = (float) Math.sqrt(norm2.getFloat()) + 1e-12f;
            for (int i = 0; i < weights.size(); i++) {
                weights.get(i).addi(u.get(i).mul(beta / norm));
            }
            float lj = Losses.of(cfg.optimization().loss(), exp.mapping().apply(exp.source().logits(exp.program().apply(x))), y)
                    .getFloat();
            for (int i = 0; i < weights.size(); i++) {
                weights.get(i).subi(u.get(i).mul(beta / norm));
                estimates.get(i).addi(u.get(i).mul((float) (b / q * (lj - loss0) / beta) / norm));
            }
        }
        List<NDArray> grads = new ArrayList<>(estimates);
        for (NDArray p : exp.mapping().parameters()) {
            grads.add(p.getGradient());
        }
        optimizer().step(lr, grads);
        return new StepResult((double) loss0 * labels.length, correct, (long) (q + 1) * labels.length);
    }
}
