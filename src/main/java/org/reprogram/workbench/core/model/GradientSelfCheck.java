package org.reprogram.workbench.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Load-time evidence that a white-box source model's input gradients are right (docs/selfcheck.md).
 * On a seeded batch x of {@value #IMAGES} random images (pixels in [0.2, 0.8]) and the loss
 * L(x) = sum(logits * w), w fixed random weights (every logit matters), it runs up to
 * {@value #PASSES} backward passes (at least {@value #MIN_PASSES}; fewer only if they take over a
 * second), every other one on a single intra-op thread (process-wide, restored after the pass):
 * libtorch 2.7.1's wrong gradients for convolutions with under 16 output channels come and go on
 * two threads but hit every pass on one. {@code deterministic}: all gradients equal the first to
 * {@value #MAX_NONDETERMINISM} (relative L2). Then one float32 forward batch gives L(x) and
 * L(x +- h d) for {@value #DIRECTIONS} random unit directions d (h: rms pixel step
 * {@value #PIXEL_STEP}), L summed in double, compared with each gradient's prediction g.(x' - x).
 *
 * <p>ReLU and max-pool kinks are dense: some directions cross one at any step, and their central
 * difference is then off by 10-100% even in float64. So per direction the best of the central,
 * forward and backward estimates counts (between kinks the network is linear: a side without a
 * kink is exact up to round-off), as |predicted - measured| / max(|predicted|, |measured|, 10% of
 * the typical change); the error is the median over directions, the maximum over passes. A
 * gradient off by a factor k scores |1 - 1/k| (k = 2: 0.5). Healthy models measured up to 0.02
 * (fixtures, built-in) and 0.06 (random-init ResNet-18), hence the threshold
 * {@value #MAX_RELATIVE_ERROR}. Call it outside any open GradientCollector (it opens its own).
 */
public final class GradientSelfCheck {

    /** Largest relative error (median over directions, max over passes) that counts as healthy. */
    public static final double MAX_RELATIVE_ERROR = 0.2;
    /** Largest relative L2 difference between gradients of identical passes (GPU atomics: ~1e-7; the bug: > 1e-2). */
    public static final double MAX_NONDETERMINISM = 1e-5;
    static final int IMAGES = 2;
    static final int DIRECTIONS = 6;
    static final int PASSES = 8;
    static final int MIN_PASSES = 2;
    static final long PASS_BUDGET_NANOS = 1_000_000_000L;
    static final double PIXEL_STEP = 3e-5;

    private static final String FIX = "Fix: train black-box (--trainer blackbox), try another device (--device),"
            + " or re-export the model with at least 16 output channels in every convolution (pad with zero"
            + " filters: libtorch 2.7.1 on CPU returns wrong input gradients for fewer).";

    /**
     * @param relativeError finite-difference mismatch (median over directions, max over passes);
     *     NaN if a gradient or the logits were not finite
     * @param deterministic whether repeated backward passes gave the same gradient
     * @param millis wall time of the check
     * @param directions number of random directions tested
     * @param warning null when healthy, else a sentence for the user: what failed, numbers, fix
     */
    public record Result(double relativeError, boolean deterministic, long millis, int directions, String warning) {

        public boolean healthy() {
            return warning == null;
        }
    }

    private GradientSelfCheck() {}

    /** Runs the check on MODEL with random numbers from SEED; never changes the model. */
    public static Result run(SourceModel model, long seed) {
        long start = System.nanoTime();
        ModelCard card = model.card();
        int n = IMAGES * card.channels() * card.height() * card.width();
        Random rnd = new Random(seed);
        float[] pixels = new float[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = 0.2f + 0.6f * rnd.nextFloat();
        }
        float[] weights = new float[IMAGES * card.numClasses()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) rnd.nextGaussian();
        }
        // one batch: x, then x + h d and x - h d for every direction d
        double h = PIXEL_STEP * Math.sqrt(n);
        float[] batch = new float[(1 + 2 * DIRECTIONS) * n];
        System.arraycopy(pixels, 0, batch, 0, n);
        double[] d = new double[n];
        for (int j = 0; j < DIRECTIONS; j++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                d[i] = rnd.nextGaussian();
                norm += d[i] * d[i];
            }
            double scale = h / Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                batch[(1 + 2 * j) * n + i] = (float) (pixels[i] + scale * d[i]);
                batch[(2 + 2 * j) * n + i] = (float) (pixels[i] - scale * d[i]);
            }
        }
        List<float[]> gradients = new ArrayList<>();
        float[] logits;
        int threads = JniUtils.getNumThreads();
        try (NDManager m = model.manager().newSubManager()) {
            // backward passes first: they caught the intermittent bug more often this way
            long passesStart = System.nanoTime();
            for (int pass = 0; pass < PASSES
                    && (pass < MIN_PASSES || System.nanoTime() - passesStart < PASS_BUDGET_NANOS); pass++) {
                JniUtils.setNumThreads(pass % 2 == 1 ? 1 : threads);
                try {
                    gradients.add(gradient(model, m, pixels, card, weights));
                } finally {
                    JniUtils.setNumThreads(threads);
                }
            }
            logits = model.logits(m.create(batch, new Shape((1L + 2 * DIRECTIONS) * IMAGES, card.channels(),
                    card.height(), card.width()))).toFloatArray();
        }
        double error = 0;
        double nondeterminism = 0;
        for (float[] g : gradients) {
            error = Math.max(error, finiteDifferenceError(logits, weights, g, batch));
            nondeterminism = Math.max(nondeterminism, relativeDifference(gradients.get(0), g));
        }
        boolean deterministic = nondeterminism <= MAX_NONDETERMINISM;
        String warning = allZero(gradients) ? zeroWarning(model.origin())
                : warning(model.origin(), error, deterministic, nondeterminism, gradients.size());
        return new Result(error, deterministic, (System.nanoTime() - start) / 1_000_000, DIRECTIONS, warning);
    }

    /** Input gradient of L at PIXELS, from a fresh input array (gradients never accumulate). */
    private static float[] gradient(SourceModel model, NDManager m, float[] pixels, ModelCard card, float[] weights) {
        NDArray x = m.create(pixels, new Shape(IMAGES, card.channels(), card.height(), card.width()));
        x.setRequiresGradient(true);
        NDArray w = m.create(weights, new Shape(IMAGES, card.numClasses()));
        try (GradientCollector gc = ThreadGradients.open()) {
            // logits first: the product lives in the batch manager like the logits
            gc.backward(model.logits(x).mul(w).sum());
        } catch (ai.djl.engine.EngineException e) {
            if (String.valueOf(e.getMessage()).contains("does not require grad")) { // libtorch: no grad_fn
                throw new org.reprogram.workbench.core.UserInputException(model.origin() + ": the model's output is"
                        + " detached from its input (it runs under torch.no_grad() or calls .detach()), so white-box"
                        + " training cannot backpropagate through it. Fix: train black-box (--trainer blackbox), or"
                        + " export the model without no_grad()/detach() in forward", e);
            }
            throw e;
        }
        return x.getGradient().toFloatArray();
    }

    /** Median over the directions of the best of the central, forward and backward estimates. */
    private static double finiteDifferenceError(float[] logits, float[] weights, float[] g, float[] batch) {
        int n = g.length;
        double[] up = new double[DIRECTIONS];
        double[] down = new double[DIRECTIONS];
        double sumSquares = 0;
        for (int j = 0; j < DIRECTIONS; j++) {
            for (int i = 0; i < n; i++) {
                up[j] += g[i] * ((double) batch[(1 + 2 * j) * n + i] - batch[i]);
                down[j] += g[i] * ((double) batch[i] - batch[(2 + 2 * j) * n + i]);
            }
            sumSquares += (up[j] + down[j]) * (up[j] + down[j]) / 4;
        }
        // directions almost orthogonal to g: measure their error against 10% of the typical change
        double floor = Math.max(0.1 * Math.sqrt(sumSquares / DIRECTIONS), Double.MIN_NORMAL);
        double l0 = loss(logits, 0, weights);
        double[] errors = new double[DIRECTIONS];
        for (int j = 0; j < DIRECTIONS; j++) {
            double measuredUp = loss(logits, (1 + 2 * j) * weights.length, weights) - l0;
            double measuredDown = l0 - loss(logits, (2 + 2 * j) * weights.length, weights);
            double central = relative((up[j] + down[j]) / 2, (measuredUp + measuredDown) / 2, floor);
            if (Double.isNaN(central)) {
                return Double.NaN;
            }
            errors[j] = Math.min(central, Math.min(relative(up[j], measuredUp, floor),
                    relative(down[j], measuredDown, floor)));
        }
        Arrays.sort(errors);
        return (errors[(DIRECTIONS - 1) / 2] + errors[DIRECTIONS / 2]) / 2;
    }

    private static double relative(double predicted, double measured, double floor) {
        return Math.abs(predicted - measured) / Math.max(Math.max(Math.abs(predicted), Math.abs(measured)), floor);
    }

    /**
     * Whether every pass gave an input gradient of exactly zero: the model does not pass gradients
     * to its input (it rounds or quantises it, or detaches it). Finite differences cannot see that
     * (a rounded input changes no logit at the check's tiny steps either), so it is tested apart.
     */
    static boolean allZero(List<float[]> gradients) {
        for (float[] g : gradients) {
            for (float v : g) {
                if (v != 0f) {
                    return false;
                }
            }
        }
        return !gradients.isEmpty();
    }

    private static String zeroWarning(String origin) {
        return "the input gradient of " + origin + " is zero everywhere (the model rounds, quantises or detaches its"
                + " input): white-box training cannot move the program, which would stay exactly 0. Fix: train"
                + " black-box (--trainer blackbox), or export the model without rounding or detaching its input.";
    }

    /** Relative L2 difference of B from A (NaN if either is not finite). */
    private static double relativeDifference(float[] a, float[] b) {
        double norm = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            norm += (double) a[i] * a[i];
            diff += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
        }
        return norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
    }

    private static double loss(float[] logits, int offset, float[] weights) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (double) logits[offset + i] * weights[i];
        }
        return sum;
    }

    private static String warning(String origin, double error, boolean deterministic, double nondeterminism,
            int passes) {
        String what;
        if (Double.isNaN(error)) {
            what = "input gradients or logits of " + origin + " are not finite (NaN or infinity)";
        } else if (error >= MAX_RELATIVE_ERROR) {
            what = String.format(Locale.ROOT, "input gradients of %s disagree with finite differences (relative"
                    + " error %.2f along %d random directions)", origin, error, DIRECTIONS);
            what += deterministic ? "" : String.format(Locale.ROOT, " and change from one backward pass to the next"
                    + " (relative difference %.1e)", nondeterminism);
        } else if (!deterministic) {
            what = String.format(Locale.ROOT, "input gradients of %s change from one backward pass to the next"
                    + " (relative difference %.1e over %d passes)", origin, nondeterminism, passes);
        } else {
            return null;
        }
        return what + ": white-box training would follow a wrong direction. " + FIX;
    }
}
