package org.reprogram.workbench.core.baseline;

import org.reprogram.workbench.core.spec.RunSpec;
import java.util.Locale;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.ComputeThreads;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.Evaluator.Result;
import org.reprogram.workbench.core.train.MemoryProbe;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.RunOutcome;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingFailedException;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * The linear probe trained to convergence, as linear-probe protocols do: the frozen features of
 * every split are computed ONCE and standardised ({@link FeatureScaling}, from the training split),
 * then a multinomial logistic regression from zero weights with a fixed L2 penalty
 * ({@value #L2} / 2 * |W|^2 on the mean cross-entropy; bias unpenalised) is fitted on the whole
 * training split by L-BFGS until the objective stops falling ({@link ProbeFit}). {@code epochs} of the config caps the iterations. One iteration is one
 * "epoch" of metrics.csv (a full pass over the training features, validation after each); the
 * test split is evaluated with the state of the best validation iteration and with the final one.
 *
 * <p>Not a module of the {@link org.reprogram.workbench.core.train.FitLoop}: L-BFGS is a different
 * algorithm (full batch, a line search that evaluates the objective several times per iteration,
 * run to convergence by {@link ProbeFit} instead of for a set number of shuffled mini-batch epochs),
 * so it has no batches, shuffling, learning rate or per-batch scopes for the loop to own. It reports
 * the same listener events (one "epoch" per iteration), ends through the same {@link RunOutcome}
 * and {@link org.reprogram.workbench.core.train.RunStatus}, and builds its result with the same
 * {@link TrainingResult#builder()}.
 */
final class LinearProbeTrainer {

    /** L2 penalty on the head's weights (fixed; the mean cross-entropy is the data term). */
    static final double L2 = 1e-4;

    private final long[] queries = new long[2]; // training, evaluation

    TrainingResult train(BaselineRun run, LinearProbeModel model, TrainingListener listener, TrainingControl control) {
        RunSpec cfg = run.config();
        BaselineData data = run.data();
        long start = System.nanoTime();
        listener.onStart(new RunInfo(model.card().name(), model.card().classNames(), data.dataset().name(),
                data.dataset().classNames(), data.placement(), model.trainableParameters(), model.sourceParameters(),
                ComputeThreads.describe(model.manager().getDevice(), cfg.resources().threads()), run.notices(), data.train().size(),
                data.validation().size(), data.test().size(), data.validationIndices()));
        RunStatus status = RunStatus.COMPLETED;
        String message = null;
        int[] done = {0};
        int[] bestAt = {0};
        double[] best = {Double.NaN};
        Result[] tests = new Result[2]; // final, at the best validation iteration
        double trainLoss = Double.NaN;
        double fitNanos = 0;
        long fitImages = 0;
        try {
            ComputeThreads.apply(cfg.resources().threads());
            Samples rawTrain = model.inputs(data.train()); // the only passes through the source network
            queries[0] += data.train().size();
            Samples rawValidation = model.inputs(data.validation());
            Samples rawTest = model.inputs(data.test());
            queries[1] += data.validation().size() + data.test().size();
            FeatureScaling scaling = FeatureScaling.of(rawTrain);
            Samples train = scaling.apply(rawTrain);
            Samples validation = scaling.apply(rawValidation);
            Samples testFeatures = scaling.apply(rawTest);
            SoftmaxRegression fit = new SoftmaxRegression(train, data.numClasses(), L2);
            int n = train.size();
            long fitStart = System.nanoTime();
            long[] passes = {1};
            ProbeFit.Outcome outcome = ProbeFit.run(fit, cfg.optimization().epochs(), (it, theta, loss, accuracy, evaluations) -> {
                control.checkpoint();
                passes[0] += evaluations;
                Result val = fit.evaluate(theta, validation);
                if (!Double.isNaN(val.accuracy()) && (Double.isNaN(best[0]) || val.accuracy() > best[0])) {
                    best[0] = val.accuracy();
                    bestAt[0] = it;
                    tests[1] = fit.evaluate(theta, testFeatures);
                }
                double rate = n * passes[0] / ((System.nanoTime() - fitStart) / 1e9);
                listener.onBatch(new BatchProgress(it, cfg.optimization().epochs(), 1, 1, it, loss, rate, 0, totalQueries()));
                listener.onEpoch(new EpochMetrics(it, loss, accuracy, val.loss(), val.accuracy(), Double.NaN, rate,
                        (System.nanoTime() - start) / 1e9, totalQueries(), Double.NaN, collapseWarning(val, data)));
                done[0] = it;
                return !control.isStopRequested();
            });
            requireFinite(outcome);
            fitNanos = System.nanoTime() - fitStart;
            fitImages = n * passes[0];
            trainLoss = outcome.trainLoss();
            model.setHead(scaling.toRaw(outcome.theta(), data.numClasses()));
            boolean stopped = !outcome.converged() && outcome.iterations() < cfg.optimization().epochs();
            status = stopped ? RunStatus.STOPPED : status;
            tests[0] = bestAt[0] == outcome.iterations() && tests[1] != null ? tests[1]
                    : fit.evaluate(outcome.theta(), testFeatures);
            message = summary(outcome.converged() ? null : stopped ? "stopped by the user after iteration "
                    + outcome.iterations() + ", before converging" : "stopped at the cap of " + cfg.optimization().epochs()
                    + " iterations (--epochs) before converging", outcome.iterations(), trainLoss);
        } catch (RuntimeException | OutOfMemoryError e) {
            RunOutcome outcome = RunOutcome.of(e, done[0], cfg.optimization().batchSize());
            status = outcome.status();
            message = outcome.message();
        }
        if (!model.notices().isEmpty()) {
            message = (message == null ? "" : message + "; ") + String.join("; ", model.notices());
        }
        TrainingResult result = TrainingResult.builder().status(status).message(message).test(tests[0])
                .bestValAccuracy(best[0]).wallSeconds((System.nanoTime() - start) / 1e9).epochs(done[0])
                .imagesPerSecond(fitNanos > 0 ? fitImages / (fitNanos / 1e9) : 0).queries(queries[0], 0, queries[1])
                .peakRssMegabytes(MemoryProbe.peakRssMegabytes())
                .testAccuracyAtBestVal(tests[1] == null ? Double.NaN : tests[1].accuracy()).bestEpoch(bestAt[0])
                .parameters(model.trainableParameters(), model.sourceParameters()).seed(cfg.seed()).program("-")
                .mapping(model.mapping()).trainer(BaselineTrainer.TRAINER).source(model.origin())
                .target(cfg.data().target()).device(ComputeThreads.describe(model.manager().getDevice(), cfg.resources().threads()))
                .method(cfg.method().id()).skippedImages(data.dataset().skippedImages()).finalTrainLoss(trainLoss)
                .build();
        listener.onFinish(result);
        return result;
    }

    /**
     * What the fit did, in words (result.json's message; the CLI and the window show it): converged
     * after ITERATIONS, or NOTCONVERGED says why it ended early.
     */
    static String summary(String notConverged, int iterations, double trainLoss) {
        String how = notConverged != null ? notConverged : String.format(Locale.ROOT, "converged after %d iterations"
                + " (relative decrease below %.0e for %d iterations)", iterations, ProbeFit.TOLERANCE, ProbeFit.PATIENCE);
        return String.format(Locale.ROOT, "linear probe: full-batch L-BFGS, L2 %.0e, %s; final training loss %.4f", L2,
                how, trainLoss);
    }

    /** A fit whose objective is not finite fails clearly (NaN or infinite features) instead of "converging". */
    static void requireFinite(ProbeFit.Outcome outcome) {
        if (!Double.isFinite(outcome.objective())) {
            throw new TrainingFailedException("the linear probe's training loss is "
                    + outcome.objective() + ": the source model's features of these images contain NaN or infinite"
                    + " values. Fix: check the model (and its features method) on the target images");
        }
    }

    private long totalQueries() {
        return queries[0] + queries[1];
    }

    private static String collapseWarning(Result val, BaselineData data) {
        int c = val.collapsedTo();
        return c >= 0 && data.numClasses() > 1 ? "collapse: every validation sample is predicted as '"
                + data.dataset().classNames().get(c) + "'" : null;
    }
}
