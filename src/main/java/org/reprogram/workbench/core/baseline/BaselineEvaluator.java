package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.train.Evaluator;
import org.reprogram.workbench.core.train.Losses;

/**
 * Accuracy, loss and confusion of a baseline model over a split, in inference mode (BatchNorm
 * running statistics, no gradients), in per-batch memory scopes.
 */
final class BaselineEvaluator {

    private final BaselineModel model;
    private final int classes;
    private final int batchSize;
    private final BatchBuffer buffer;

    BaselineEvaluator(BaselineModel model, int classes, int batchSize, int itemSize) {
        this.model = model;
        this.classes = classes;
        this.batchSize = batchSize;
        this.buffer = new BatchBuffer(batchSize, itemSize);
    }

    /**
     * SPLIT evaluated; queries counts the images the source network answered (0 for cached
     * linear-probe features: the source answered them once, when the features were computed).
     */
    Evaluator.Result evaluate(Samples split) {
        int n = split.size();
        int[][] confusion = new int[classes][classes];
        if (n == 0) {
            return new Evaluator.Result(Double.NaN, Double.NaN, confusion, new double[0][0], new int[0], 0);
        }
        int[] order = split.identityOrder();
        int[] predictions = new int[n];
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            try (NDManager scope = BaselineTrainer.scope(model)) {
                int[] labels = split.labels(order, from, to);
                NDArray logits = model.logits(split.batch(scope, order, from, to, buffer), false);
                lossSum += Losses.crossEntropy(logits, scope.create(labels)).getFloat() * (to - from);
                int[] pred = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < labels.length; i++) {
                    confusion[labels[i]][pred[i]]++;
                    predictions[from + i] = pred[i];
                    correct += pred[i] == labels[i] ? 1 : 0;
                }
            }
        }
        return new Evaluator.Result((double) correct / n, lossSum / n, confusion, new double[0][0], predictions,
                model.cachesFeatures() ? 0 : n);
    }
}
