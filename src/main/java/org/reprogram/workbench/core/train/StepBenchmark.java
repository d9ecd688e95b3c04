package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.reprogram.workbench.core.data.Split;

/**
 * Times white-box reprogramming steps exactly as training runs them (program, frozen source,
 * mapping, loss, backward, Adam, program constraints), after warm-up steps that are not timed.
 * Input comes from the real background loader over the training split, or is one synthetic
 * random batch (copied into a fresh array every step, as a loaded batch is). The engine of the
 * {@code bench} command; numbers are reported, never asserted.
 */
public final class StepBenchmark {

    /**
     * @param steps timed steps per repeat
     * @param warmup untimed steps first
     * @param repeats timed repeats (img/s is their median)
     * @param realLoader true: batches from the training split through {@link BatchPrefetcher}
     * @param evalImages test images to evaluate afterwards (0: none)
     */
    public record Options(int steps, int warmup, int repeats, boolean realLoader, int evalImages) {}

    /**
     * @param imagesPerSecond median over repeats of timed images / timed seconds
     * @param stepMillisMedian median wall time of one timed step
     * @param repeatImagesPerSecond every repeat's img/s
     * @param evalImagesPerSecond throughput of the evaluation pass (NaN without one)
     * @param peakRssMegabytes peak resident memory of the process so far
     * @param device device and threads, as recorded in runs
     * @param threads intra-op threads
     */
    public record Result(double imagesPerSecond, double stepMillisMedian, double[] repeatImagesPerSecond,
            double evalImagesPerSecond, double peakRssMegabytes, String device, int threads) {}

    private StepBenchmark() {}

    public static Result run(Experiment exp, Options o) {
        int batch = exp.config().optimization().batchSize();
        // synthetic batches are as large as asked, whatever the data (Experiment checked the loader's)
        OptionChecks.requireBatchFits(batch, o.realLoader() ? exp.train().size() : batch, new int[] {exp.placement().channels(),
                exp.placement().height(), exp.placement().width()});
        CanvasSplit train = exp.train();
        if (o.realLoader() && train.size() == 0) {
            throw new org.reprogram.workbench.core.UserInputException("the target has no training images");
        }
        WhiteBoxTrainer trainer = new WhiteBoxTrainer(0);
        trainer.beginSteps(exp);
        Random rnd = new Random(exp.config().seed());
        BatchBuffer synthetic = syntheticBatch(batch, train.imageSize(), rnd);
        int[] syntheticLabels = new int[batch];
        for (int i = 0; i < batch; i++) {
            syntheticLabels[i] = rnd.nextInt(exp.mapping().targetClasses());
        }
        double[] stepMillis = new double[o.steps() * o.repeats()];
        double[] ips = new double[o.repeats()];
        try (BatchPrefetcher loader = new BatchPrefetcher(train, batch); synthetic) {
            int[] order = FitLoop.permutation(train.size(), rnd);
            for (int i = 0; i < o.warmup(); i++) {
                step(exp, trainer, o.realLoader(), loader, order, synthetic, syntheticLabels, batch);
            }
            for (int r = 0; r < o.repeats(); r++) {
                long images = 0;
                long start = System.nanoTime();
                for (int i = 0; i < o.steps(); i++) {
                    long t0 = System.nanoTime();
                    images += step(exp, trainer, o.realLoader(), loader, order, synthetic, syntheticLabels, batch);
                    stepMillis[r * o.steps() + i] = (System.nanoTime() - t0) / 1e6;
                }
                ips[r] = images / ((System.nanoTime() - start) / 1e9);
            }
        }
        double evalIps = Double.NaN;
        if (o.evalImages() > 0) {
            Split test = exp.dataset().test();
            int n = Math.min(o.evalImages(), test.size());
            int[] first = new int[n];
            Arrays.setAll(first, i -> i);
            long t0 = System.nanoTime();
            new Evaluator(exp, Evaluator.batchSizeFor(batch, exp.placement().canvasSize())).evaluate(new CanvasSplit(test.subset(first), exp.placement()));
            evalIps = n / ((System.nanoTime() - t0) / 1e9);
        }
        return new Result(median(ips), median(stepMillis), ips, evalIps, MemoryProbe.peakRssMegabytes(),
                ComputeThreads.describe(exp.source().device(), exp.config().resources().threads()),
                ComputeThreads.count(exp.config().resources().threads()));
    }

    private static int step(Experiment exp, WhiteBoxTrainer trainer, boolean real, BatchPrefetcher loader, int[] order,
            BatchBuffer synthetic, int[] syntheticLabels, int batch) {
        try (NDManager scope = BatchScope.open(exp)) {
            NDArray x;
            int[] labels;
            if (real) {
                if (!loader.hasNext()) {
                    loader.start(order);
                }
                BatchPrefetcher.Batch b = loader.next();
                x = b.array(scope);
                labels = b.labels();
            } else {
                x = synthetic.array(scope, exp.train().shape(batch));
                labels = syntheticLabels;
            }
            trainer.benchStep(exp, scope, x, scope.create(labels), labels, exp.config().optimization().lr());
            return labels.length;
        }
    }

    private static BatchBuffer syntheticBatch(int batch, int imageSize, Random rnd) {
        BatchBuffer b = new BatchBuffer(batch, imageSize);
        FloatBuffer f = b.start();
        for (int i = 0; i < batch * imageSize; i++) {
            f.put(rnd.nextFloat());
        }
        return b;
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
