package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.AdamOptimizer;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.train.BatchScope;
import org.reprogram.workbench.core.train.ComputeThreads;
import org.reprogram.workbench.core.train.Evaluator.Result;
import org.reprogram.workbench.core.train.FitLoop;
import org.reprogram.workbench.core.train.FitModule;
import org.reprogram.workbench.core.train.FitState;
import org.reprogram.workbench.core.train.Losses;
import org.reprogram.workbench.core.train.ReprogrammingTrainer;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingFailedException;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * A fine-tune or from-scratch baseline as a {@link FitModule} of the one {@link FitLoop}, step for
 * step like reprogramming: the same per-epoch shuffling, Adam at a constant rate, cross-entropy,
 * validation after every epoch, pause/stop/cancel, per-batch memory scopes. The test split is
 * evaluated whenever validation accuracy reaches a new best (the test accuracy of the
 * best-validation state, testAccuracyAtBestVal) and once at the end (testAccuracy). No callbacks:
 * a baseline has no program to show and no checkpoint to resume from. A linear probe is fitted
 * to convergence by {@link LinearProbeTrainer} instead.
 */
public final class BaselineTrainer implements FitModule<Void> {

    /** The trainer column of a baseline's result.json. */
    public static final String TRAINER = "baseline";
    private static final int MAX_SKIPPED_STEPS = 20;

    private BaselineRun run;
    private BaselineModel model;
    private AdamOptimizer optimizer;
    private BatchBuffer buffer;
    private Samples train;
    private Samples validation;
    private Samples testInputs;
    private BaselineEvaluator evaluator;
    private int[] order;
    private int skipped;

    /**
     * Trains RUN; never throws for cancellation or training failure (see the result's status). A
     * linear probe is fitted to convergence on its cached features ({@link LinearProbeTrainer}).
     */
    public TrainingResult train(BaselineRun run, TrainingListener listener, TrainingControl control) {
        if (run.model() instanceof LinearProbeModel probe) {
            return new LinearProbeTrainer().train(run, probe, listener, control);
        }
        this.run = run;
        this.model = run.model();
        RunSpec cfg = run.config();
        return new FitLoop<>(this, List.of(), listener, control).run(cfg.optimization().epochs(),
                cfg.optimization().batchSize(), cfg.optimization().lr(), cfg.seed(), null);
    }

    @Override
    public RunInfo runInfo() {
        BaselineData data = run.data();
        return new RunInfo(model.card().name(), model.card().classNames(), data.dataset().name(),
                data.dataset().classNames(), data.placement(), model.trainableParameters(), model.sourceParameters(),
                ComputeThreads.describe(model.manager().getDevice(), run.config().resources().threads()), run.notices(), data.train().size(),
                data.validation().size(), data.test().size(), data.validationIndices());
    }

    @Override
    public void prepare(FitState<Void> state) {
        JniUtils.setGradMode(false); // GradientCollector turns it on per step
        ComputeThreads.apply(run.config().resources().threads());
        train = inputs(state, run.data().train(), FitState.TRAINING);
        validation = inputs(state, run.data().validation(), FitState.EVALUATION);
        testInputs = inputs(state, run.data().test(), FitState.EVALUATION);
        int batch = Math.min(run.config().optimization().batchSize(), Math.max(1, train.size()));
        evaluator = new BaselineEvaluator(model, run.data().numClasses(), Math.max(batch, 128), train.itemSize());
        optimizer = new AdamOptimizer(model.trainableArrays(), model.manager(), 0);
        buffer = new BatchBuffer(batch, train.itemSize());
        skipped = 0;
    }

    /** The model's inputs for CANVASES; a cached feature pass counts one query per image as PURPOSE. */
    private Samples inputs(FitState<Void> state, Samples canvases, int purpose) {
        Samples s = model.inputs(canvases);
        if (model.cachesFeatures()) {
            state.addQueries(purpose, canvases.size());
        }
        return s;
    }

    @Override
    public int trainSize() {
        return run.data().train().size();
    }

    /** The run's schedule: constant unless the user chose one (the baselines' default, as the authors train them). */
    @Override
    public LearningRateSchedule schedule() {
        return run.config().optimization().schedule();
    }

    @Override
    public void startEpoch(int epoch, int[] epochOrder) {
        order = epochOrder;
    }

    @Override
    public NDManager openScope() {
        return scope(model);
    }

    @Override
    public StepResult step(NDManager scope, int from, int to, double lr) {
        int[] labels = train.labels(order, from, to);
        NDArray x = train.batch(scope, order, from, to, buffer);
        NDArray y = scope.create(labels);
        float loss;
        int right;
        try (GradientCollector gc = org.reprogram.workbench.core.model.ThreadGradients.open()) {
            NDArray logits = model.logits(x, true);
            NDArray l = Losses.crossEntropy(logits, y);
            gc.backward(l);
            loss = l.getFloat();
            right = ReprogrammingTrainer.countCorrect(logits, labels);
        }
        if (!optimizer.step(lr) && ++skipped > MAX_SKIPPED_STEPS) {
            throw new TrainingFailedException(skipped + " steps had a non-finite gradient (NaN/Inf). Fix: lower the"
                    + " learning rate (now " + lr + ")");
        }
        return new StepResult((double) loss * (to - from), right, model.cachesFeatures() ? 0 : to - from);
    }

    @Override
    public void afterStep() {
        model.afterStep();
    }

    @Override
    public Result evaluate(Split split) {
        return evaluator.evaluate(split == Split.TEST ? testInputs : validation);
    }

    @Override
    public boolean testsWhenBestFound() {
        return true;
    }

    @Override
    public Void state(int epoch) {
        return null;
    }

    @Override
    public void restore(Void state) {}

    @Override
    public String epochWarning(double meanTrainLoss, Result val) {
        int c = val.collapsedTo();
        BaselineData data = run.data();
        return c >= 0 && data.numClasses() > 1 ? "collapse: every validation sample is predicted as '"
                + data.dataset().classNames().get(c) + "'. Try a lower learning rate or a different seed" : null;
    }

    @Override
    public void describe(TrainingResult.Builder result, FitState<Void> state) {
        if (result.message() == null && !model.notices().isEmpty()) {
            result.message(String.join("; ", model.notices())); // what was done differently from the plain recipe
        }
        RunSpec cfg = run.config();
        result.parameters(model.trainableParameters(), model.sourceParameters()).seed(cfg.seed()).program("-")
                .mapping(model.mapping()).trainer(TRAINER).source(model.origin()).target(cfg.data().target())
                .device(ComputeThreads.describe(model.manager().getDevice(), cfg.resources().threads())).method(cfg.method().id())
                .skippedImages(run.data().dataset().skippedImages()).finalTrainLoss(state.lastTrainLoss());
    }

    /** A per-batch manager holding the model's trainable arrays for the batch. */
    static NDManager scope(BaselineModel model) {
        return BatchScope.open(model.manager(), model.trainableArrays());
    }
}
