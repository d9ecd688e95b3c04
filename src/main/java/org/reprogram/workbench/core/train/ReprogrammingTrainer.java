package org.reprogram.workbench.core.train;

import org.reprogram.workbench.core.spec.RunSpec;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.reprogram.workbench.core.program.Placement;

/**
 * The epoch loop shared by the white-box and black-box trainers: label-mapping updates,
 * shuffled batches in per-batch memory scopes, pause/stop/cancel, validation, collapse and
 * NaN detection, throttled snapshots, and the final test evaluation. Subclasses implement
 * one optimisation step.
 */
public abstract class ReprogrammingTrainer implements Trainer {

    /** What one step reports: summed loss, correct predictions, model queries used. */
    protected record StepResult(double lossSum, int correct, long queries) {}

    /**
     * Mid-epoch snapshots recompute the sample gallery (a forward pass over up to 24 images, counted
     * as queries) at most once a second; the program and mapping in between are always current. The
     * live view's budget: a few program pictures a second, one gallery refresh a second.
     */
    static final long SAMPLE_REFRESH_NANOS = 1_000_000_000L;

    private final long snapshotIntervalNanos;
    private List<TrainingSnapshot.SampleView> lastSamples = List.of();
    private long lastSamplesNanos;
    private int lastSamplePage = -1;

    protected ReprogrammingTrainer(long snapshotIntervalMillis) {
        this.snapshotIntervalNanos = snapshotIntervalMillis * 1_000_000L;
    }

    private static final int TRAINING = 0;
    private static final int MAPPING = 1;
    private static final int EVALUATION = 2;

    private AdamOptimizer optimizer;
    private BatchBuffer sampleBuffer;
    private SamplePages samplePages;
    /** Images answered by the source model: training steps, mapping passes, evaluation. */
    private long[] queries = new long[3];

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
        RunSpec cfg = exp.config();
        long start = System.nanoTime() - (resumeFrom == null ? 0 : (long) (resumeFrom.wallSeconds() * 1e9));
        CanvasSplit train = exp.train();
        int batch = Math.min(cfg.optimization().batchSize(), Math.max(1, train.size()));
        int batches = (train.size() + batch - 1) / batch;
        long totalSteps = (long) batches * cfg.optimization().epochs();
        Evaluator evaluator = new Evaluator(exp, Evaluator.batchSizeFor(batch, exp.placement().canvasSize()));
        CanvasSplit monitor = exp.validation().size() > 0 ? exp.validation() : train;
        // live sample images: one per target class of the page the view asks for (control.samplePage())
        samplePages = new SamplePages(monitor.labels(), exp.mapping().targetClasses());
        sampleBuffer = new BatchBuffer(samplePages.capacity(), exp.placement().canvasSize());
        listener.onStart(new RunInfo(exp.source().card().name(), exp.source().card().classNames(),
                exp.dataset().name(), exp.dataset().classNames(), exp.placement(), exp.trainableParameters(),
                exp.source().parameterCount(), ComputeThreads.describe(exp.source().device(), exp.config().resources().threads()), exp.notices(), train.size(),
                exp.validation().size(), exp.test().size(), exp.validationIndices()));

        String status = "completed";
        String message = null;
        int epochsDone = 0;
        double bestVal = Double.NaN;
        Checkpoint best = null;
        long step = 0;
        long trainImages = 0;
        double trainNanos = 0;
        double lr = cfg.optimization().lr();
        Evaluator.Result testResult = null;
        double testAtBest = Double.NaN;
        queries = new long[3];
        BatchPrefetcher loader = null;
        try {
            if (train.size() == 0) {
                throw new org.reprogram.workbench.core.UserInputException("no training images left after the validation"
                        + " split (--val-fraction " + cfg.data().valFraction() + ") and --shots " + cfg.data().shots() + ". Fix: lower"
                        + " --val-fraction, raise --shots or add images to " + cfg.data().target());
            }
            beginSteps(exp);
            if (resumeFrom != null) { // the state after its epoch, as if the run had never stopped
                resumeFrom.current().restore(exp);
                optimizer.load(resumeFrom.adam());
                step = resumeFrom.step();
                epochsDone = resumeFrom.epoch();
                bestVal = resumeFrom.bestVal();
                best = resumeFrom.best();
                queries = resumeFrom.queries().clone();
                trainImages = resumeFrom.trainImages();
                trainNanos = resumeFrom.trainNanos();
            }
            listener.onSnapshot(snapshot(exp, epochsDone, step, false, null, null, monitor, control, null));
            if (resumeFrom != null) { // the resumed run's first picture is a query the uninterrupted run never made
                queries = resumeFrom.queries().clone();
            }
            loader = new BatchPrefetcher(train, batch);
            long lastSnapshot = System.nanoTime();
            int firstEpoch = epochsDone + 1;
            for (int epoch = firstEpoch; epoch <= cfg.optimization().epochs(); epoch++) {
                control.checkpoint(); // a pause between two epochs waits here
                if (epoch > firstEpoch && control.isStopRequested()) {
                    // Stop came after the previous epoch's own check (on its last batch, during its
                    // evaluation or checkpoint): that epoch was the current one; train no other
                    status = "stopped";
                    message = "stopped by the user after epoch " + epochsDone;
                    break;
                }
                // seeded per epoch (black-box directions, smm): a resumed run draws what the original would have
                exp.manager().getEngine().setRandomSeed((int) (cfg.seed() * 1_000_003L + epoch));
                if (exp.mapping().needsFrequencies(epoch - 1)) {
                    Evaluator.Result f = evaluator.evaluate(train, exp.mapping().topK());
                    queries[MAPPING] += f.queries();
                    exp.mapping().update(f.frequencies());
                }
                int[] order = permutation(train.size(), new Random(cfg.seed() * 1_000_003L + epoch));
                loader.start(order);
                double lossSum = 0;
                int correct = 0;
                long epochStart = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    control.checkpoint();
                    long t0 = System.nanoTime();
                    int from = b * batch;
                    int to = Math.min(train.size(), from + batch);
                    lr = cfg.optimization().schedule().rate(cfg.optimization().lr(), step, totalSteps);
                    StepResult r;
                    BatchPrefetcher.Batch next = loader.next();
                    try (NDManager scope = BatchScope.open(exp)) {
                        int[] labels = next.labels();
                        NDArray x = next.array(scope);
                        NDArray y = scope.create(labels);
                        r = step(exp, scope, x, y, labels, lr);
                    }
                    exp.program().afterStep();
                    if (Double.isNaN(r.lossSum()) || Double.isInfinite(r.lossSum())) {
                        throw new TrainingFailedException("loss became " + r.lossSum() + " at epoch " + epoch + ", step "
                                + (step + 1) + ". Fix: lower the learning rate (now " + cfg.optimization().lr() + ")");
                    }
                    step++;
                    queries[TRAINING] += r.queries();
                    lossSum += r.lossSum();
                    correct += r.correct();
                    trainImages += to - from;
                    trainNanos += System.nanoTime() - t0;
                    double ips = trainImages / (trainNanos / 1e9);
                    double eta = (totalSteps - step) * (trainNanos / step) / 1e9;
                    listener.onBatch(new BatchProgress(epoch, cfg.optimization().epochs(), b + 1, batches, step,
                            r.lossSum() / (to - from), ips, eta, totalQueries()));
                    if (snapshotIntervalNanos > 0 && System.nanoTime() - lastSnapshot >= snapshotIntervalNanos) {
                        listener.onSnapshot(snapshot(exp, epoch, step, false, null, null, monitor, control, null));
                        lastSnapshot = System.nanoTime();
                    }
                }
                Evaluator.Result val = evaluator.evaluate(exp.validation());
                queries[EVALUATION] += val.queries();
                double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                String warning = join(divergenceWarning(lossSum / train.size(), exp), collapseWarning(val, exp));
                EpochMetrics m = new EpochMetrics(epoch, lossSum / train.size(), (double) correct / train.size(),
                        val.loss(), val.accuracy(), lr, train.size() / epochSeconds,
                        (System.nanoTime() - start) / 1e9, totalQueries(), exp.program().inputScale(), warning);
                if (!Double.isNaN(val.accuracy()) && (Double.isNaN(bestVal) || val.accuracy() > bestVal)) {
                    bestVal = val.accuracy();
                    best = Checkpoint.of(exp, epoch);
                }
                epochsDone = epoch;
                listener.onEpoch(m);
                listener.onSnapshot(snapshot(exp, epoch, step, true, val.confusion(), m, monitor, control,
                        val.predictions()));
                listener.onCheckpoint(new TrainingCheckpoint(epoch, step, Checkpoint.of(exp, epoch), best, bestVal,
                        optimizer.state(), queries.clone(), trainImages, trainNanos,
                        (System.nanoTime() - start) / 1e9));
                if (control.isStopRequested() && epoch < cfg.optimization().epochs()) {
                    status = "stopped";
                    message = "stopped by the user after epoch " + epoch;
                    break;
                }
            }
            loader.close();
            testResult = evaluator.evaluate(exp.test());
            queries[EVALUATION] += testResult.queries();
            if (best != null) {
                testAtBest = best.epoch() == epochsDone ? testResult.accuracy() : testAtBest(exp, evaluator, best);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            if (loader != null) {
                loader.close();
            }
            RunOutcome outcome = RunOutcome.of(e, epochsDone, batch);
            status = outcome.status();
            message = outcome.message();
        }
        sampleBuffer.close();
        double wall = (System.nanoTime() - start) / 1e9;
        TrainingResult result = new TrainingResult(status, message,
                testResult == null ? Double.NaN : testResult.accuracy(),
                testResult == null ? Double.NaN : testResult.loss(), bestVal, exp.trainableParameters(),
                exp.source().parameterCount(), wall, epochsDone, cfg.seed(), cfg.program().id(), cfg.mapping().id(),
                name(), exp.source().origin(), cfg.data().target(), ComputeThreads.describe(exp.source().device(), exp.config().resources().threads()),
                trainNanos > 0 ? trainImages / (trainNanos / 1e9) : 0, totalQueries(), MemoryProbe.peakRssMegabytes(),
                testResult == null ? null : testResult.confusion(), TrainingResult.METHOD_REPROGRAM, testAtBest,
                best == null ? 0 : best.epoch(), queries[TRAINING], queries[MAPPING], queries[EVALUATION])
                .withSkippedImages(exp.dataset().skippedImages());
        listener.onFinish(result);
        return result;
    }

    /** Test accuracy with the best-validation state; the final state is restored afterwards. */
    private double testAtBest(Experiment exp, Evaluator evaluator, Checkpoint best) {
        Checkpoint last = Checkpoint.of(exp, -1);
        best.restore(exp);
        try {
            Evaluator.Result r = evaluator.evaluate(exp.test());
            queries[EVALUATION] += r.queries();
            return r.accuracy();
        } finally {
            last.restore(exp);
        }
    }

    private long totalQueries() {
        return queries[TRAINING] + queries[MAPPING] + queries[EVALUATION];
    }

    /**
     * A diverging run: the epoch's mean training loss above 10 x ln(K_t), ten times what a uniform
     * guess over the target classes scores (e.g. lr 100000 reaches 4e6 in one epoch).
     */
    static String divergenceWarning(double meanLoss, Experiment exp) {
        double uniform = Math.log(Math.max(2, exp.mapping().targetClasses()));
        if (meanLoss > 10 * uniform) {
            return String.format(java.util.Locale.ROOT, "diverging: the training loss %.3g is more than 10 times that of"
                    + " a uniform guess (%.2f). Lower the learning rate (now %s)", meanLoss, uniform,
                    java.math.BigDecimal.valueOf(exp.config().optimization().lr()).stripTrailingZeros().toPlainString());
        }
        return null;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    private static String collapseWarning(Evaluator.Result val, Experiment exp) {
        int c = val.collapsedTo();
        if (c >= 0 && exp.mapping().targetClasses() > 1) {
            return "collapse: every validation sample is predicted as '" + exp.dataset().classNames().get(c)
                    + "'. Try another mapping, a lower learning rate or a different seed";
        }
        return null;
    }

    /** A snapshot of the current state, with the sample images of the page CONTROL asks for (from MONITOR). */
    private TrainingSnapshot snapshot(Experiment exp, int epoch, long step, boolean epochEnd, int[][] confusion,
            EpochMetrics metrics, CanvasSplit monitor, TrainingControl control, int[] validationPredictions) {
        int page = control.samplePage();
        int[] sampleIdx = samplePages.indices(page);
        Placement p = exp.placement();
        List<TrainingSnapshot.SampleView> samples = new ArrayList<>();
        boolean fresh = epochEnd || lastSamples.isEmpty() || page != lastSamplePage // a turned page shows at once
                || System.nanoTime() - lastSamplesNanos >= SAMPLE_REFRESH_NANOS;
        if (!fresh) {
            samples.addAll(lastSamples);
        } else if (sampleIdx.length > 0) {
            try (NDManager scope = BatchScope.open(exp)) {
                BatchBuffer buf = sampleBuffer;
                NDArray x = monitor.batch(scope, sampleIdx, 0, sampleIdx.length, buf);
                NDArray programmed = exp.program().apply(x);
                NDArray src = exp.source().logits(programmed);
                queries[EVALUATION] += sampleIdx.length;
                float[] masks = exp.program().sampleMasks(x);
                int[] ps = src.argMax(1).toType(DataType.INT32, false).toIntArray();
                int[] pt = exp.mapping().apply(src).argMax(1).toType(DataType.INT32, false).toIntArray();
                float[] img = programmed.clip(0f, 1f).toFloatArray();
                int[] truth = new int[sampleIdx.length];
                for (int i = 0; i < sampleIdx.length; i++) {
                    truth[i] = monitor.label(sampleIdx[i]);
                }
                samples.addAll(TrainingSnapshot.SampleView.ofBatch(sampleIdx, truth, img, masks, ps, pt, p.canvasSize()));
            }
        }
        if (fresh) {
            lastSamples = List.copyOf(samples);
            lastSamplesNanos = System.nanoTime();
            lastSamplePage = page;
        }
        return new TrainingSnapshot(epoch, step, epochEnd, p.channels(), p.height(), p.width(),
                exp.program().perturbation(), exp.program().signedPerturbation(), exp.program().inputScale(),
                exp.mapping().weights(), exp.mapping().assignment(), List.copyOf(samples),
                confusion, metrics, validationPredictions);
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

    /** Training cannot go on (NaN loss); the message says why and what to change. */
    public static final class TrainingFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TrainingFailedException(String message) {
            super(message);
        }
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
