package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;

/**
 * The one epoch loop of the workbench (the Lightning / DJL EasyTrain pattern): reprogramming
 * (white-box and black-box) and the fine-tune / from-scratch baselines run through it. It owns
 * the epochs and batches (shuffled by {@code permutation(n, new Random(seed * 1_000_003 + epoch))}),
 * pause/stop/cancel through {@link TrainingControl}, the learning-rate schedule, NaN/Inf
 * detection, per-batch memory scopes, validation after each epoch, the best-validation epoch
 * and the test accuracy of its state, the final test evaluation, query counting, timing and
 * the {@link TrainingResult}. What differs is a {@link FitModule} (the step, evaluation, learned
 * state) and {@link FitCallback}s (label-mapping updates, live snapshots, checkpoints).
 *
 * <p>Never throws for cancellation or training failure: those end up in the result's status.
 *
 * @param <S> the module's learned-state copy
 */
public final class FitLoop<S> {

    /**
     * The counters of a run continued after epoch EPOCH (see {@link TrainingCheckpoint}); the
     * module restores its own learned state and optimizer.
     */
    public record Resume<S>(int epoch, long step, S best, int bestEpoch, double bestVal, long[] queries,
            long trainImages, double trainNanos, double wallSeconds) {}

    private final FitModule<S> module;
    private final List<FitCallback<S>> callbacks;
    private final TrainingListener listener;
    private final TrainingControl control;

    public FitLoop(FitModule<S> module, List<FitCallback<S>> callbacks, TrainingListener listener,
            TrainingControl control) {
        this.module = module;
        this.callbacks = List.copyOf(callbacks);
        this.listener = listener;
        this.control = control;
    }

    /**
     * Fits for EPOCHS epochs of batches of BATCHSIZE at base rate LR, shuffled by SEED; continues
     * after RESUME's epoch when it is not null.
     */
    public TrainingResult run(int epochs, int batchSize, double lr, long seed, Resume<S> resume) {
        long start = System.nanoTime() - (resume == null ? 0 : (long) (resume.wallSeconds() * 1e9));
        int n = module.trainSize();
        int batch = Math.min(batchSize, Math.max(1, n));
        int batches = (n + batch - 1) / batch;
        FitState<S> s = new FitState<>(epochs, (long) batches * epochs, start, resume != null);
        listener.onStart(module.runInfo());
        RunStatus status = RunStatus.COMPLETED;
        String message = null;
        Evaluator.Result test = null;
        double testAtBest = Double.NaN;
        try {
            module.prepare(s);
            if (resume != null) { // the counters after its epoch, as if the run had never stopped
                s.epochsDone = resume.epoch();
                s.step = resume.step();
                s.best = resume.best();
                s.bestEpoch = resume.bestEpoch();
                s.bestVal = resume.bestVal();
                s.queries = resume.queries().clone();
                s.trainImages = resume.trainImages();
                s.trainNanos = resume.trainNanos();
            }
            callbacks.forEach(c -> c.onFitStart(s));
            Evaluator.Result testOfBest = null;
            int firstEpoch = s.epochsDone + 1;
            for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
                control.checkpoint(); // a pause between two epochs waits here
                if (epoch > firstEpoch && control.isStopRequested()) {
                    // Stop came after the previous epoch's own check (on its last batch, during its
                    // evaluation or checkpoint): that epoch was the current one; train no other
                    status = RunStatus.STOPPED;
                    message = "stopped by the user after epoch " + s.epochsDone;
                    break;
                }
                s.epoch = epoch;
                module.beginEpoch(epoch);
                for (FitCallback<S> c : callbacks) {
                    c.beforeEpoch(s, epoch);
                }
                module.startEpoch(epoch, permutation(n, new Random(seed * 1_000_003L + epoch)));
                double lossSum = 0;
                int correct = 0;
                double rate = lr;
                long epochStart = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    control.checkpoint();
                    long t0 = System.nanoTime();
                    int from = b * batch;
                    int to = Math.min(n, from + batch);
                    rate = module.schedule().rate(lr, s.step, s.totalSteps);
                    FitModule.StepResult r;
                    try (NDManager scope = module.openScope()) {
                        r = module.step(scope, from, to, rate);
                    }
                    module.afterStep();
                    if (Double.isNaN(r.lossSum()) || Double.isInfinite(r.lossSum())) {
                        throw new TrainingFailedException("loss became " + r.lossSum() + " at epoch " + epoch + ", step "
                                + (s.step + 1) + ". Fix: lower the learning rate (now " + lr + ")");
                    }
                    s.step++;
                    s.queries[FitState.TRAINING] += r.queries();
                    lossSum += r.lossSum();
                    correct += r.correct();
                    s.trainImages += to - from;
                    s.trainNanos += System.nanoTime() - t0;
                    listener.onBatch(new BatchProgress(epoch, epochs, b + 1, batches, s.step, r.lossSum() / (to - from),
                            s.trainImages / (s.trainNanos / 1e9), (s.totalSteps - s.step) * (s.trainNanos / s.step) / 1e9,
                            s.totalQueries()));
                    callbacks.forEach(c -> c.afterBatch(s));
                }
                Evaluator.Result val = evaluate(s, FitModule.Split.VALIDATION);
                double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                if (!Double.isNaN(val.accuracy()) && (Double.isNaN(s.bestVal) || val.accuracy() > s.bestVal)) {
                    s.bestVal = val.accuracy();
                    s.bestEpoch = epoch;
                    if (module.testsWhenBestFound()) {
                        testOfBest = evaluate(s, FitModule.Split.TEST);
                        testAtBest = testOfBest.accuracy();
                    } else {
                        s.best = module.state(epoch);
                    }
                }
                s.epochsDone = epoch;
                s.lastTrainLoss = lossSum / n;
                EpochMetrics m = new EpochMetrics(epoch, lossSum / n, (double) correct / n, val.loss(), val.accuracy(),
                        rate, n / epochSeconds, s.elapsedSeconds(), s.totalQueries(), module.inputScale(),
                        module.epochWarning(lossSum / n, val));
                listener.onEpoch(m);
                for (FitCallback<S> c : callbacks) {
                    c.afterEpoch(s, m, val);
                }
                if (control.suspendsAfter(epoch) && epoch < epochs) { // its checkpoint is written: resumable
                    throw new TrainingControl.TrainingSuspendedException(epoch);
                }
                if (control.isStopRequested() && epoch < epochs) {
                    status = RunStatus.STOPPED;
                    message = "stopped by the user after epoch " + epoch;
                    break;
                }
            }
            module.endEpochs();
            if (module.testsWhenBestFound()) { // the final state is the best one: its test pass is already done
                test = testOfBest != null && s.bestEpoch == s.epochsDone ? testOfBest : evaluate(s, FitModule.Split.TEST);
            } else {
                test = evaluate(s, FitModule.Split.TEST);
                if (s.best != null) {
                    testAtBest = s.bestEpoch == s.epochsDone ? test.accuracy() : testAtBest(s);
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            module.endEpochs();
            RunOutcome outcome = RunOutcome.of(e, s.epochsDone, batch);
            status = outcome.status();
            message = outcome.message();
        }
        callbacks.forEach(c -> c.onFitEnd(s));
        TrainingResult.Builder b = TrainingResult.builder().status(status).message(message).test(test)
                .bestValAccuracy(s.bestVal).wallSeconds(s.elapsedSeconds()).epochs(s.epochsDone)
                .imagesPerSecond(s.trainNanos > 0 ? s.trainImages / (s.trainNanos / 1e9) : 0).queries(s.queries)
                .peakRssMegabytes(MemoryProbe.peakRssMegabytes()).testAccuracyAtBestVal(testAtBest)
                .bestEpoch(s.bestEpoch);
        module.describe(b, s);
        TrainingResult result = b.build();
        listener.onFinish(result);
        return result;
    }

    private Evaluator.Result evaluate(FitState<S> s, FitModule.Split split) {
        Evaluator.Result r = module.evaluate(split);
        s.queries[FitState.EVALUATION] += r.queries();
        return r;
    }

    /** Test accuracy with the best-validation state; the final state is restored afterwards. */
    private double testAtBest(FitState<S> s) {
        S last = module.state(-1);
        module.restore(s.best);
        try {
            return evaluate(s, FitModule.Split.TEST).accuracy();
        } finally {
            module.restore(last);
        }
    }

    /** 0..N-1, shuffled by RND (Fisher-Yates) when RND is not null. */
    public static int[] permutation(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; rnd != null && i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
