package org.reprogram.workbench.core.baseline;

import java.util.stream.IntStream;
import org.reprogram.workbench.core.train.Evaluator;

/**
 * Multinomial logistic regression on cached features, in plain Java: the linear probe's
 * objective. Parameters THETA are the head's weights [K, D] row-major, then its bias [K]. The
 * objective is the mean cross-entropy over the training items plus {@code l2 / 2 * |W|^2} (the
 * bias is not penalised). Rows are split into a fixed number of parts whose sums are added in
 * order, so the result is bit-identical whatever the number of cores.
 */
final class SoftmaxRegression {

    private static final int PARTS = 8;

    private final float[] x;
    private final int[] y;
    private final int n;
    private final int d;
    private final int k;
    private final double l2;
    private int lastCorrect;
    private double lastCrossEntropy;

    /** FEATURES: the training items with their labels; K target classes; L2 the weight penalty. */
    SoftmaxRegression(Samples features, int k, double l2) {
        this.x = features.values();
        this.y = features.labels();
        this.n = features.size();
        this.d = features.itemSize();
        this.k = k;
        this.l2 = l2;
    }

    int parameters() {
        return k * d + k;
    }

    /** The objective at THETA; its gradient goes to GRAD (same length). */
    double lossAndGradient(double[] theta, double[] grad) {
        int parts = Math.max(1, Math.min(PARTS, n));
        double[][] partGrad = new double[parts][];
        double[] partLoss = new double[parts];
        int[] partCorrect = new int[parts];
        IntStream.range(0, parts).parallel().forEach(p -> {
            double[] g = new double[theta.length];
            double[] z = new double[k];
            double loss = 0;
            int correct = 0;
            for (int i = (int) ((long) p * n / parts), end = (int) ((long) (p + 1) * n / parts); i < end; i++) {
                int best = scores(theta, i, x, z);
                correct += best == y[i] ? 1 : 0;
                double zy = z[y[i]];
                loss += softmaxInPlace(z) - zy;
                z[y[i]] -= 1; // z now holds p - onehot
                int row = i * d;
                for (int c = 0; c < k; c++) {
                    double gc = z[c];
                    if (gc != 0) {
                        int w = c * d;
                        for (int j = 0; j < d; j++) {
                            g[w + j] += gc * x[row + j];
                        }
                        g[k * d + c] += gc;
                    }
                }
            }
            partGrad[p] = g;
            partLoss[p] = loss;
            partCorrect[p] = correct;
        });
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        int correct = 0;
        for (int p = 0; p < parts; p++) {
            for (int i = 0; i < grad.length; i++) {
                grad[i] += partGrad[p][i];
            }
            loss += partLoss[p];
            correct += partCorrect[p];
        }
        double penalty = 0;
        for (int i = 0; i < grad.length; i++) {
            grad[i] /= n;
            if (i < k * d) {
                penalty += theta[i] * theta[i];
                grad[i] += l2 * theta[i];
            }
        }
        lastCorrect = correct;
        lastCrossEntropy = loss / n;
        return lastCrossEntropy + 0.5 * l2 * penalty;
    }

    /** Training accuracy at the point of the last {@link #lossAndGradient} call. */
    double lastAccuracy() {
        return (double) lastCorrect / n;
    }

    /** Mean cross-entropy (no penalty) at the point of the last {@link #lossAndGradient} call. */
    double lastCrossEntropy() {
        return lastCrossEntropy;
    }

    /** Accuracy, mean cross-entropy, confusion and predictions of THETA on SPLIT (no queries: features are cached). */
    Evaluator.Result evaluate(double[] theta, Samples split) {
        int m = split.size();
        int[][] confusion = new int[k][k];
        if (m == 0) {
            return new Evaluator.Result(Double.NaN, Double.NaN, confusion, new double[0][0], new int[0], 0);
        }
        float[] v = split.values();
        int[] labels = split.labels();
        int[] predictions = new int[m];
        double[] z = new double[k];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < m; i++) {
            int best = scores(theta, i, v, z);
            predictions[i] = best;
            confusion[labels[i]][best]++;
            correct += best == labels[i] ? 1 : 0;
            double zy = z[labels[i]];
            loss += softmaxInPlace(z) - zy;
        }
        return new Evaluator.Result((double) correct / m, loss / m, confusion, new double[0][0], predictions, 0);
    }

    /** Logits of item I of V into Z; returns the arg max (first on ties). */
    private int scores(double[] theta, int i, float[] v, double[] z) {
        int best = 0;
        for (int c = 0; c < k; c++) {
            z[c] = logit(theta, v, i, c);
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }

    private double logit(double[] theta, float[] v, int i, int c) {
        double s = theta[k * d + c];
        int row = i * d;
        int w = c * d;
        for (int j = 0; j < d; j++) {
            s += theta[w + j] * v[row + j];
        }
        return s;
    }

    /** Replaces the logits Z by their softmax; returns log-sum-exp(Z). */
    private static double softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return max + Math.log(sum);
    }
}
