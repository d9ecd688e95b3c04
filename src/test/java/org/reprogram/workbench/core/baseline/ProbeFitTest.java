package org.reprogram.workbench.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The linear probe's fit against an independent reference: the same L2-penalised multinomial
 * logistic regression minimised in plain Java by full-batch gradient descent for many iterations.
 */
class ProbeFitTest {

    private static final int N = 300;
    private static final int D = 4;
    private static final int K = 3;

    /** Three overlapping Gaussian blobs (not separable: the optimum is well inside the data). */
    private static Samples blobs(long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[N * D];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % K;
            for (int j = 0; j < D; j++) {
                x[i * D + j] = (float) (rnd.nextGaussian() + (j == y[i] ? 1.5 : 0) + 0.3 * j);
            }
        }
        return new Samples(x, y, new long[] {D});
    }

    /** The objective written out again: mean cross-entropy + l2/2 |W|^2 (bias unpenalised). */
    private static double objective(Samples s, double[] w, double[] b, double l2, double[] gw, double[] gb) {
        double loss = 0;
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gb, 0);
        for (int i = 0; i < N; i++) {
            double[] z = new double[K];
            double max = -1e300;
            for (int c = 0; c < K; c++) {
                z[c] = b[c];
                for (int j = 0; j < D; j++) {
                    z[c] += w[c * D + j] * s.values()[i * D + j];
                }
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < K; c++) {
                sum += Math.exp(z[c] - max);
            }
            loss += max + Math.log(sum) - z[s.labels()[i]];
            for (int c = 0; c < K; c++) {
                double p = Math.exp(z[c] - max) / sum - (c == s.labels()[i] ? 1 : 0);
                gb[c] += p / N;
                for (int j = 0; j < D; j++) {
                    gw[c * D + j] += p * s.values()[i * D + j] / N;
                }
            }
        }
        double pen = 0;
        for (int i = 0; i < w.length; i++) {
            pen += w[i] * w[i];
            gw[i] += l2 * w[i];
        }
        return loss / N + 0.5 * l2 * pen;
    }

    private static double objectiveAt(Samples s, double[] theta, double l2) {
        double[] w = java.util.Arrays.copyOf(theta, K * D);
        double[] b = java.util.Arrays.copyOfRange(theta, K * D, K * D + K);
        return objective(s, w, b, l2, new double[K * D], new double[K]);
    }

    /** Gradient descent, 20,000 full-batch steps of 0.1: the reference minimum. */
    private static double referenceMinimum(Samples s, double l2) {
        double[] w = new double[K * D];
        double[] b = new double[K];
        double[] gw = new double[K * D];
        double[] gb = new double[K];
        double f = 0;
        for (int it = 0; it < 20_000; it++) {
            f = objective(s, w, b, l2, gw, gb);
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.1 * gw[i];
            }
            for (int c = 0; c < K; c++) {
                b[c] -= 0.1 * gb[c];
            }
        }
        return f;
    }

    @Test
    void reachesTheReferenceMinimumAndTheStoppingRuleEndsTheFit() {
        Samples s = blobs(3);
        double l2 = LinearProbeTrainer.L2;
        double reference = referenceMinimum(s, l2);
        List<Double> losses = new ArrayList<>();
        ProbeFit.Outcome o = ProbeFit.run(new SoftmaxRegression(s, K, l2), 1000, (it, theta, loss, acc, passes) -> {
            losses.add(objectiveAt(s, theta, l2));
            return true;
        });
        assertTrue(o.converged(), "the stopping rule ended the fit");
        assertTrue(o.iterations() < 200, "a small well-conditioned problem needs few L-BFGS iterations: " + o.iterations());
        assertEquals(o.iterations(), losses.size(), "one observed iteration per iteration");
        double reached = objectiveAt(s, o.theta(), l2);
        assertEquals(reference, reached, 1e-6 * reference, "L-BFGS reaches the reference minimum");
        assertEquals(reached, o.objective(), 1e-9, "the fit's own objective agrees with the reference formula");
        assertTrue(o.trainLoss() <= o.objective() && o.trainLoss() > 0.1, "cross-entropy without the penalty");
        for (int i = 1; i < losses.size(); i++) {
            assertTrue(losses.get(i) <= losses.get(i - 1), "the objective never rises (iteration " + (i + 1) + ")");
        }
        int tail = ProbeFit.PATIENCE;
        for (int i = losses.size() - tail; i < losses.size(); i++) {
            double rel = (losses.get(i - 1) - losses.get(i)) / losses.get(i);
            assertTrue(rel < ProbeFit.TOLERANCE, "it stopped only after " + tail + " calm iterations: " + rel);
        }
    }

    @Test
    void theCapAndTheObserverStopTheFitBeforeItConverges() {
        Samples s = blobs(4);
        ProbeFit.Outcome capped = ProbeFit.run(new SoftmaxRegression(s, K, LinearProbeTrainer.L2), 3,
                (it, theta, loss, acc, passes) -> true);
        assertEquals(3, capped.iterations());
        assertFalse(capped.converged());
        int[] seen = {0};
        ProbeFit.Outcome stopped = ProbeFit.run(new SoftmaxRegression(s, K, LinearProbeTrainer.L2), 1000,
                (it, theta, loss, acc, passes) -> ++seen[0] < 2);
        assertEquals(2, stopped.iterations());
        assertFalse(stopped.converged());
    }

    @Test
    void nonFiniteFeaturesFailClearlyInsteadOfConverging() {
        Samples s = blobs(6);
        s.values()[7] = Float.NaN;
        ProbeFit.Outcome o = ProbeFit.run(new SoftmaxRegression(s, K, 1e-4), 1000, (it, t, l, acc, p) -> true);
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> LinearProbeTrainer.requireFinite(o));
        assertTrue(e.getMessage().contains("NaN or infinite") && e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void theFitIsBitIdenticalRunToRun() {
        Samples s = blobs(5);
        double[] a = ProbeFit.run(new SoftmaxRegression(s, K, 1e-4), 1000, (it, t, l, acc, p) -> true).theta();
        double[] b = ProbeFit.run(new SoftmaxRegression(s, K, 1e-4), 1000, (it, t, l, acc, p) -> true).theta();
        assertTrue(java.util.Arrays.equals(a, b), "the parts are summed in a fixed order");
    }
}
