package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.reprogram.workbench.core.mapping.Frequencies;

/** Runs program + frozen model + mapping over a split without gradients. */
public final class Evaluator {

    /**
     * @param accuracy share of correct mapped predictions (NaN for an empty split)
     * @param loss mean cross-entropy
     * @param confusion [true target][predicted target]
     * @param frequencies [predicted source][true target], the FLM/ILM/BLM count matrix, or with
     *     top-k > 0 the sums of each image's top-k source probabilities per true class (BLM+)
     * @param predictions predicted target class per sample, in split order
     * @param queries images the source model answered for this pass
     */
    public record Result(double accuracy, double loss, int[][] confusion, double[][] frequencies, int[] predictions,
            long queries) {

        /** The single predicted class when every sample got it (collapse), else -1. */
        public int collapsedTo() {
            int only = -1;
            for (int[] row : confusion) {
                for (int p = 0; p < row.length; p++) {
                    if (row[p] > 0) {
                        if (only >= 0 && only != p) {
                            return -1;
                        }
                        only = p;
                    }
                }
            }
            return only;
        }
    }

    private final Experiment exp;
    private final int batchSize;

    public Evaluator(Experiment exp, int batchSize) {
        this.exp = exp;
        this.batchSize = batchSize;
    }

    /**
     * The evaluation batch for TRAINBATCH on CANVAS floats an image: at least the training batch,
     * up to 128 while the staging buffer stays within 32 MB (53 images of 3x224x224).
     */
    public static int batchSizeFor(int trainBatch, int canvas) {
        int byMemory = (int) Math.max(1, (32L << 20) / (4L * canvas));
        return Math.max(trainBatch, Math.min(128, byMemory));
    }

    /** Images per evaluation batch. */
    public int batchSize() {
        return batchSize;
    }

    public Result evaluate(CanvasSplit split) {
        return evaluate(split, 0);
    }

    /** As {@link #evaluate(CanvasSplit)}; TOPK > 0 sums top-k probabilities into F (BLM+). */
    public Result evaluate(CanvasSplit split, int topK) {
        int kt = exp.mapping().targetClasses();
        int ks = exp.mapping().sourceClasses();
        int[][] confusion = new int[kt][kt];
        double[][] freq = new double[ks][kt];
        int n = split.size();
        if (n == 0) {
            return new Result(Double.NaN, Double.NaN, confusion, freq, new int[0], 0);
        }
        double lossSum = 0;
        int correct = 0;
        int[] predictions = new int[n];
        try (BatchPrefetcher loader = new BatchPrefetcher(split, batchSize)) {
            loader.start(split.identityOrder());
            for (int from = 0; loader.hasNext(); ) {
                BatchPrefetcher.Batch batch = loader.next();
                int[] labels = batch.labels();
                try (NDManager scope = BatchScope.open(exp)) {
                    NDArray x = batch.array(scope);
                    NDArray y = scope.create(labels);
                    NDArray src = exp.source().logits(exp.program().apply(x));
                    NDArray tgt = exp.mapping().apply(src);
                    lossSum += Losses.crossEntropy(tgt, y).getFloat() * labels.length;
                    int[] ps = src.argMax(1).toType(DataType.INT32, false).toIntArray();
                    if (topK > 0) {
                        Frequencies.addTopK(src.softmax(1).toFloatArray(), labels, topK, freq);
                    }
                    int[] pt = tgt.argMax(1).toType(DataType.INT32, false).toIntArray();
                    for (int i = 0; i < labels.length; i++) {
                        confusion[labels[i]][pt[i]]++;
                        predictions[from + i] = pt[i];
                        if (topK == 0) {
                            freq[ps[i]][labels[i]]++;
                        }
                        if (pt[i] == labels[i]) {
                            correct++;
                        }
                    }
                }
                from += labels.length;
            }
        }
        return new Result((double) correct / n, lossSum / n, confusion, freq, predictions, n);
    }
}
