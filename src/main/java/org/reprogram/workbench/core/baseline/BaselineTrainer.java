package org.reprogram.workbench.core.baseline;

import org.reprogram.workbench.core.spec.RunSpec;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.reprogram.workbench.core.train.AdamOptimizer;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.train.BatchScope;
import org.reprogram.workbench.core.train.ComputeThreads;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Evaluator.Result;
import org.reprogram.workbench.core.train.Losses;
import org.reprogram.workbench.core.train.MemoryProbe;
import org.reprogram.workbench.core.train.ReprogrammingTrainer;
import org.reprogram.workbench.core.train.RunOutcome;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * The epoch loop of a baseline, step for step like the reprogramming trainer: the same per-epoch
 * shuffling ({@code permutation(n, new Random(seed * 1_000_003 + epoch))}), Adam at a constant
 * rate, cross-entropy, validation after every epoch, pause/stop/cancel between steps, per-batch
 * memory scopes. The test split is evaluated whenever validation accuracy reaches a new best
 * (that is the test accuracy of the best-validation state, reported as testAccuracyAtBestVal)
 * and once at the end (testAccuracy). No snapshots are sent: a baseline has no program to show.
 */
public final class BaselineTrainer {

    public static final String TRAINER = "baseline";
    private static final int MAX_SKIPPED_STEPS = 20;
    private static final int TRAINING = 0;
    private static final int EVALUATION = 2;

    private final long[] queries = new long[3];

    /**
     * Trains RUN; never throws for cancellation or training failure (see the result's status). A
     * linear probe is fitted to convergence on its cached features ({@link LinearProbeTrainer}).
     */
    public TrainingResult train(BaselineRun run, TrainingListener listener, TrainingControl control) {
        if (run.model() instanceof LinearProbeModel probe) {
            return new LinearProbeTrainer().train(run, probe, listener, control);
        }
        RunSpec cfg = run.config();
        BaselineModel model = run.model();
        BaselineData data = run.data();
        long start = System.nanoTime();
        int batch = Math.min(cfg.optimization().batchSize(), Math.max(1, data.train().size()));
        listener.onStart(new RunInfo(model.card().name(), model.card().classNames(), data.dataset().name(),
                data.dataset().classNames(), data.placement(), model.trainableParameters(), model.sourceParameters(),
                ComputeThreads.describe(model.manager().getDevice(), cfg.resources().threads()), run.notices(), data.train().size(), data.validation().size(),
                data.test().size(), data.validationIndices()));
        String status = "completed";
        String message = null;
        int epochsDone = 0;
        int bestEpoch = 0;
        double bestVal = Double.NaN;
        double testAtBest = Double.NaN;
        long trainImages = 0;
        double trainNanos = 0;
        double lastTrainLoss = Double.NaN;
        Result test = null;
        Result testOfBest = null;
        java.util.Arrays.fill(queries, 0);
        try {
            JniUtils.setGradMode(false); // GradientCollector turns it on per step
            ComputeThreads.apply(cfg.resources().threads());
            Samples train = inputs(model, data.train(), TRAINING);
            Samples validation = inputs(model, data.validation(), EVALUATION);
            Samples testInputs = inputs(model, data.test(), EVALUATION);
            BaselineEvaluator evaluator = new BaselineEvaluator(model, data.numClasses(), Math.max(batch, 128),
                    train.itemSize());
            AdamOptimizer optimizer = new AdamOptimizer(model.trainableArrays(), model.manager(), 0);
            BatchBuffer buffer = new BatchBuffer(batch, train.itemSize());
            int n = train.size();
            int batches = (n + batch - 1) / batch;
            long totalSteps = (long) batches * cfg.optimization().epochs();
            long step = 0;
            int skipped = 0;
            for (int epoch = 1; epoch <= cfg.optimization().epochs(); epoch++) {
                int[] order = ReprogrammingTrainer.permutation(n, new Random(cfg.seed() * 1_000_003L + epoch));
                double lossSum = 0;
                int correct = 0;
                long epochStart = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    control.checkpoint();
                    long t0 = System.nanoTime();
                    int from = b * batch;
                    int to = Math.min(n, from + batch);
                    int[] labels = train.labels(order, from, to);
                    float loss;
                    int right;
                    try (NDManager scope = scope(model)) {
                        NDArray x = train.batch(scope, order, from, to, buffer);
                        NDArray y = scope.create(labels);
                        try (GradientCollector gc = org.reprogram.workbench.core.model.ThreadGradients.open()) {
                            NDArray logits = model.logits(x, true);
                            NDArray l = Losses.crossEntropy(logits, y);
                            gc.backward(l);
                            loss = l.getFloat();
                            right = ReprogrammingTrainer.countCorrect(logits, labels);
                        }
                        if (!optimizer.step(cfg.optimization().lr()) && ++skipped > MAX_SKIPPED_STEPS) {
                            throw new ReprogrammingTrainer.TrainingFailedException(skipped + " steps had a non-finite"
                                    + " gradient (NaN/Inf). Fix: lower the learning rate (now " + cfg.optimization().lr() + ")");
                        }
                    }
                    model.afterStep();
                    if (Float.isNaN(loss) || Float.isInfinite(loss)) {
                        throw new ReprogrammingTrainer.TrainingFailedException("loss became " + loss + " at epoch "
                                + epoch + ", step " + (step + 1) + ". Fix: lower the learning rate (now " + cfg.optimization().lr() + ")");
                    }
                    step++;
                    if (!model.cachesFeatures()) {
                        queries[TRAINING] += to - from;
                    }
                    lossSum += (double) loss * (to - from);
                    correct += right;
                    trainImages += to - from;
                    trainNanos += System.nanoTime() - t0;
                    listener.onBatch(new BatchProgress(epoch, cfg.optimization().epochs(), b + 1, batches, step, loss,
                            trainImages / (trainNanos / 1e9), (totalSteps - step) * (trainNanos / step) / 1e9,
                            totalQueries()));
                }
                Result val = evaluate(evaluator, validation);
                double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                if (!Double.isNaN(val.accuracy()) && (Double.isNaN(bestVal) || val.accuracy() > bestVal)) {
                    bestVal = val.accuracy();
                    bestEpoch = epoch;
                    testOfBest = evaluate(evaluator, testInputs);
                    testAtBest = testOfBest.accuracy();
                }
                epochsDone = epoch;
                lastTrainLoss = lossSum / n;
                listener.onEpoch(new EpochMetrics(epoch, lossSum / n, (double) correct / n, val.loss(), val.accuracy(),
                        cfg.optimization().lr(), n / epochSeconds, (System.nanoTime() - start) / 1e9, totalQueries(), Double.NaN,
                        collapseWarning(val, data)));
                if (control.isStopRequested() && epoch < cfg.optimization().epochs()) {
                    status = "stopped";
                    message = "stopped by the user after epoch " + epoch;
                    break;
                }
            }
            // the final state is the best one when the last epoch was best: its test pass is already done
            test = testOfBest != null && bestEpoch == epochsDone ? testOfBest : evaluate(evaluator, testInputs);
        } catch (RuntimeException | OutOfMemoryError e) {
            RunOutcome outcome = RunOutcome.of(e, epochsDone, batch);
            status = outcome.status();
            message = outcome.message();
        }
        if (message == null && !model.notices().isEmpty()) {
            message = String.join("; ", model.notices()); // what was done differently from the plain recipe
        }
        TrainingResult result = new TrainingResult(status, message, test == null ? Double.NaN : test.accuracy(),
                test == null ? Double.NaN : test.loss(), bestVal, model.trainableParameters(), model.sourceParameters(),
                (System.nanoTime() - start) / 1e9, epochsDone, cfg.seed(), "-", model.mapping(), TRAINER,
                model.origin(), cfg.data().target(), ComputeThreads.describe(model.manager().getDevice(), cfg.resources().threads()),
                trainNanos > 0 ? trainImages / (trainNanos / 1e9) : 0, totalQueries(), MemoryProbe.peakRssMegabytes(),
                test == null ? null : test.confusion(), cfg.method().id(), testAtBest, bestEpoch, queries[TRAINING], 0,
                queries[EVALUATION]).withSkippedImages(data.dataset().skippedImages()).withFinalTrainLoss(lastTrainLoss);
        listener.onFinish(result);
        return result;
    }

    /** The model's inputs for CANVASES; a linear probe's feature pass counts one query per image as PURPOSE. */
    private Samples inputs(BaselineModel model, Samples canvases, int purpose) {
        Samples s = model.inputs(canvases);
        if (model.cachesFeatures()) {
            queries[purpose] += canvases.size();
        }
        return s;
    }

    private Result evaluate(BaselineEvaluator evaluator, Samples split) {
        Result e = evaluator.evaluate(split);
        queries[EVALUATION] += e.queries();
        return e;
    }

    /** A per-batch manager holding the model's trainable arrays for the batch. */
    static NDManager scope(BaselineModel model) {
        return BatchScope.open(model.manager(), model.trainableArrays());
    }

    private long totalQueries() {
        return queries[0] + queries[1] + queries[2];
    }

    private static String collapseWarning(Result val, BaselineData data) {
        int c = val.collapsedTo();
        return c >= 0 && data.numClasses() > 1 ? "collapse: every validation sample is predicted as '"
                + data.dataset().classNames().get(c) + "'. Try a lower learning rate or a different seed" : null;
    }
}
