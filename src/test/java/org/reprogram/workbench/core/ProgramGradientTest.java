package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.InputProgram;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.program.ProgramSetup;
import org.reprogram.workbench.core.program.SampleMaskProgram;
import org.reprogram.workbench.core.program.ScaleProgram;

/**
 * The scale (AutoVP) and smm (SMM) programs: autograd gradients against central finite
 * differences of L = sum(program(x) * r), their structure, and the scale clamp.
 */
class ProgramGradientTest {

    /** L(weights) for the program's current state. */
    private static double loss(InputProgram p, NDArray x, NDArray r) {
        try (NDManager s = x.getManager().newSubManager()) {
            return p.apply(x).mul(r).sum().getFloat();
        }
    }

    /** Autograd gradient of L w.r.t. the flat program state (parameters first, in order). */
    private static float[] autograd(InputProgram p, NDManager m, NDArray x, NDArray r) {
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            gc.backward(p.apply(x).mul(r).sum());
        }
        List<NDArray> params = p.parameters();
        int n = 0;
        for (NDArray a : params) {
            n += (int) a.size();
        }
        float[] g = new float[n];
        int at = 0;
        for (NDArray a : params) {
            float[] v = a.getGradient().toFloatArray();
            System.arraycopy(v, 0, g, at, v.length);
            at += v.length;
        }
        return g;
    }

    private static double finiteDifference(InputProgram p, NDArray x, NDArray r, int index, float eps) {
        float[] w = p.weights();
        float v = w[index];
        w[index] = v + eps;
        p.loadWeights(w);
        double up = loss(p, x, r);
        w[index] = v - eps;
        p.loadWeights(w);
        double down = loss(p, x, r);
        w[index] = v;
        p.loadWeights(w);
        return (up - down) / (2 * eps);
    }

    private static void assertClose(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.max(1e-3, Math.abs(expected)),
                what + ": finite difference " + expected + " vs autograd " + actual);
    }

    @Test
    void scaleGetsItsGradientThroughTheBilinearSamplingGrid() {
        Placement pl = new Placement(1, 16, 16, 8, 8);
        Random rnd = new Random(3);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                ScaleProgram p = new ScaleProgram(new ProgramSetup(pl, null, null,
                        TestSpecs.programSettings(FrameActivation.SIGMOID, 1.3), 0), m)) {
            assertEquals(1 + 256, p.trainableParameters());
            float[] w = p.weights();
            for (int i = 1; i < w.length; i++) {
                w[i] = (float) rnd.nextGaussian();
            }
            p.loadWeights(w);
            NDArray x = m.randomUniform(0f, 1f, new Shape(2, 1, 16, 16));
            NDArray r = m.randomNormal(new Shape(2, 1, 16, 16));
            float[] g = autograd(p, m, x, r);
            assertTrue(Math.abs(g[0]) > 1e-3, "s must receive a gradient");
            assertClose(finiteDifference(p, x, r, 0, 1e-2f), g[0], 0.05, "d/ds");
            // the frame outside the window of side int(8 * 1.3) = 10: frame pixel (0, 0) and the centre (8, 8)
            assertClose(finiteDifference(p, x, r, 1, 1e-2f), g[1], 0.02, "frame weight at (0,0)");
            assertEquals(0f, g[1 + 8 * 16 + 8], 0f, "inside the image window the frame has no effect");
        }
    }

    @Test
    void scaleOneLeavesThePlacedImageUnchangedAndTheClampKeepsSInBounds() {
        Placement pl = new Placement(1, 16, 16, 8, 8);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                ScaleProgram p = new ScaleProgram(new ProgramSetup(pl, null, null,
                        TestSpecs.programSettings(FrameActivation.TANH, 1.0), 0), m)) {
            NDArray x = m.randomUniform(0f, 1f, new Shape(1, 1, 16, 16));
            float[] in = x.toFloatArray();
            float[] out = p.apply(x).toFloatArray();
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i], out[i], 1e-5f, "s = 1 and a zero tanh frame are the identity");
            }
            float[] w = p.weights();
            w[0] = 10f;
            p.loadWeights(w);
            p.afterStep();
            assertEquals(2.0, p.inputScale(), 1e-6, "never past the canvas: 8 px * s <= 16 px");
            w[0] = -1f;
            p.loadWeights(w);
            p.afterStep();
            assertEquals(ScaleProgram.MIN_SCALE, p.inputScale(), 1e-6);
        }
    }

    @Test
    void smmHasTheAuthorsMaskNetworkSizeAndItsGradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Placement rgb = new Placement(3, 32, 32, 32, 32);
            try (SampleMaskProgram p3 = new SampleMaskProgram(ProgramSetup.plain(rgb), m)) {
                assertEquals(26_499 + 3 * 32 * 32, p3.trainableParameters());
            }
            Placement pl = new Placement(1, 16, 16, 16, 16);
            ProgramSetup setup = new ProgramSetup(pl, new float[] {0.3f}, new float[] {0.4f},
                    TestSpecs.programSettings(FrameActivation.TANH, 1), 5);
            try (SampleMaskProgram p = new SampleMaskProgram(setup, m)) {
                assertEquals(25_201 + 256, p.trainableParameters());
                float[] w = p.weights();
                Random rnd = new Random(4);
                for (int i = 0; i < 256; i++) {
                    w[i] = (float) rnd.nextGaussian(); // the shared delta starts at zero; make it non-zero
                }
                p.loadWeights(w);
                NDArray x = m.create(uniform(rnd, 3 * 256), new Shape(3, 1, 16, 16));
                NDArray r = m.create(gaussian(rnd, 3 * 256), new Shape(3, 1, 16, 16));
                float[] g = autograd(p, m, x, r);
                for (float v : g) {
                    assertTrue(Float.isFinite(v), "finite gradients");
                }
                // single entries are too noisy in float32 through ReLU/max-pool kinks: compare directional
                // derivatives along the gradient, for the shared delta and for the mask network separately
                assertClose(directional(p, x, r, g, 0, 256), norm(g, 0, 256), 0.03, "delta");
                assertClose(directional(p, x, r, g, 256, g.length), norm(g, 256, g.length), 0.03, "mask network");
            }
        }
    }

    private static float[] uniform(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextFloat();
        }
        return v;
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private static double norm(float[] g, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) g[i] * g[i];
        }
        return Math.sqrt(s);
    }

    /** (L(w + eps u) - L(w - eps u)) / 2 eps with u = g / |g| on entries FROM..TO; equals |g| there. */
    private static double directional(InputProgram p, NDArray x, NDArray r, float[] g, int from, int to) {
        float[] w = p.weights();
        double n = norm(g, from, to);
        float eps = 1e-2f;
        float[] up = w.clone();
        float[] down = w.clone();
        for (int i = from; i < to; i++) {
            up[i] += (float) (eps * g[i] / n);
            down[i] -= (float) (eps * g[i] / n);
        }
        p.loadWeights(up);
        double lu = loss(p, x, r);
        p.loadWeights(down);
        double ld = loss(p, x, r);
        p.loadWeights(w);
        return (lu - ld) / (2 * eps);
    }

    @Test
    void smmMaskIsOneValuePerEightByEightPatch() {
        Placement pl = new Placement(1, 16, 16, 16, 16);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                SampleMaskProgram p = new SampleMaskProgram(ProgramSetup.plain(pl), m)) {
            float[] mask = p.sampleMasks(m.randomUniform(0f, 1f, new Shape(2, 1, 16, 16)));
            assertEquals(2 * 256, mask.length);
            for (int b = 0; b < 2; b++) {
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        assertEquals(mask[b * 256 + (y / 8 * 8) * 16 + x / 8 * 8], mask[b * 256 + y * 16 + x], 0f);
                    }
                }
            }
        }
    }
}
