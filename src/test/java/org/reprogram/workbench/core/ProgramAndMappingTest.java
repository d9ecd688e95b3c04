package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.mapping.FrequencyLabelMapping;
import org.reprogram.workbench.core.mapping.IterativeLabelMapping;
import org.reprogram.workbench.core.mapping.LinearLabelMapping;
import org.reprogram.workbench.core.mapping.RandomLabelMapping;
import org.reprogram.workbench.core.program.FullProgram;
import org.reprogram.workbench.core.program.PaddingProgram;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.program.ProgramSetup;

class ProgramAndMappingTest {

    @Test
    void paddingProgramCountsOnlyTheFrameAndNeverTouchesTheWindow() {
        Placement p = new Placement(3, 32, 32, 20, 20);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                PaddingProgram program = new PaddingProgram(ProgramSetup.plain(p), m)) {
            assertEquals(3L * (32 * 32 - 20 * 20), program.trainableParameters());
            float[] w = new float[3 * 32 * 32];
            Random rnd = new Random(1);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rnd.nextGaussian();
            }
            program.loadWeights(w);
            float[] x = new float[2 * p.canvasSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextFloat();
            }
            NDArray in = m.create(x, new Shape(2, 3, 32, 32));
            float[] out = program.apply(in).toFloatArray();
            int changedOutside = 0;
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 32; y++) {
                        for (int xx = 0; xx < 32; xx++) {
                            int i = ((b * 3 + c) * 32 + y) * 32 + xx;
                            if (p.inWindow(y, xx)) {
                                assertEquals(x[i], out[i], 0f, "window pixel changed at " + y + "," + xx);
                            } else if (out[i] != x[i]) {
                                changedOutside++;
                            }
                        }
                    }
                }
            }
            assertTrue(changedOutside > 0.99 * 2 * program.trainableParameters(), "the frame must be programmed");
        }
    }

    @Test
    void fullProgramAddsAnUnboundedDeltaInNormalisedSpace() {
        Placement p = new Placement(1, 8, 8, 8, 8);
        ProgramSetup setup = new ProgramSetup(p, new float[] {0.3f}, new float[] {0.5f},
                TestSpecs.programSettings(FrameActivation.TANH, 1), 0);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                FullProgram program = new FullProgram(setup, m)) {
            assertEquals(64, program.trainableParameters());
            float[] w = new float[64];
            Arrays.fill(w, 5f);
            program.loadWeights(w);
            float[] out = program.apply(m.ones(new Shape(1, 1, 8, 8)).mul(0.9f)).toFloatArray();
            for (float v : out) {
                // x + std * delta: after normalisation (x - mean) / std + delta, as the authors add it; no clip
                assertEquals(0.9f + 0.5f * 5f, v, 1e-5f);
            }
            assertEquals(2.5f, program.perturbation()[0], 1e-6);
            assertTrue(program.signedPerturbation());
        }
    }

    @Test
    void randomMappingIsManyToOneDisjointAndSeeded() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            RandomLabelMapping a = new RandomLabelMapping(10, 3, 3, 42, m);
            RandomLabelMapping b = new RandomLabelMapping(10, 3, 3, 42, m);
            assertTrue(Arrays.deepEquals(a.assignment(), b.assignment()));
            boolean[] used = new boolean[10];
            for (int[] sources : a.assignment()) {
                assertEquals(3, sources.length);
                for (int s : sources) {
                    assertTrue(!used[s], "source " + s + " used twice");
                    used[s] = true;
                }
            }
            // target logit = mean of its sources' logits
            float[] logits = new float[10];
            for (int s = 0; s < 10; s++) {
                logits[s] = s;
            }
            float[] t = a.apply(m.create(logits, new Shape(1, 10))).toFloatArray();
            for (int j = 0; j < 3; j++) {
                double mean = Arrays.stream(a.assignment()[j]).average().orElseThrow();
                assertEquals(mean, t[j], 1e-5);
            }
        }
    }

    @Test
    void frequencyMappingUpdatesOnceAndIterativeEveryEpoch() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            FrequencyLabelMapping flm = new FrequencyLabelMapping(4, 2, m);
            IterativeLabelMapping ilm = new IterativeLabelMapping(4, 2, m);
            assertTrue(flm.needsFrequencies(0));
            assertTrue(!flm.needsFrequencies(1));
            assertTrue(ilm.needsFrequencies(0) && ilm.needsFrequencies(5));
            int[][] f = {{0, 1}, {0, 0}, {7, 2}, {1, 6}};
            ilm.update(org.reprogram.workbench.core.mapping.Frequencies.toDouble(f));
            assertArrayEquals(new int[] {2}, ilm.assignment()[0]);
            assertArrayEquals(new int[] {3}, ilm.assignment()[1]);
            float[][] w = ilm.weights();
            assertEquals(1f, w[2][0]);
            assertEquals(0f, w[0][0]);
        }
    }

    @Test
    void oneToOneMappingWithMoreTargetsThanSourcesFailsClearly() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new IterativeLabelMapping(10, 12, m));
            assertTrue(e.getMessage().contains("12 target classes") && e.getMessage().contains("linear"), e.getMessage());
            LinearLabelMapping linear = new LinearLabelMapping(10, 12, 0, m);
            assertEquals(10 * 12 + 12, linear.trainableParameters());
            assertEquals(12, linear.apply(m.ones(new Shape(2, 10))).getShape().get(1));
            float[] before = linear.state();
            linear.loadState(before);
            assertArrayEquals(before, linear.state());
            assertNotEquals(0f, before[0]);
        }
    }
}
