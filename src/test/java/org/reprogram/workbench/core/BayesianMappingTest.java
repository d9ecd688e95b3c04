package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.mapping.BayesianLabelMapping;
import org.reprogram.workbench.core.mapping.Frequencies;
import org.reprogram.workbench.core.mapping.GreedyMatching;
import org.reprogram.workbench.core.mapping.MultiLabelMapping;

/** BLM, BLM+ and BAR's multi-label mapping on hand-made matrices, values worked out by hand. */
class BayesianMappingTest {

    @Test
    void blmTakesTheRowStepWithLambdaOneThenNormalisesColumns() {
        // source 1 is never predicted (zero row), target 2 has no mass (empty column)
        int[][] f = {{3, 1, 0}, {0, 0, 0}, {1, 1, 0}};
        float[] w = BayesianLabelMapping.omega(f);
        // rows: s0 / (4 + 1) = [0.6, 0.2, 0]; s2 / (2 + 1) = [1/3, 1/3, 0]
        // column 0: 0.6 / (0.6 + 1/3) = 9/14, (1/3) / (0.6 + 1/3) = 5/14
        // column 1: 0.2 / (0.2 + 1/3) = 3/8, (1/3) / (0.2 + 1/3) = 5/8
        // column 2: no mass -> uniform 1/3 (the authors' code divides by zero here)
        float[] expected = {9f / 14, 3f / 8, 1f / 3, 0, 0, 1f / 3, 5f / 14, 5f / 8, 1f / 3};
        assertArrayEquals(expected, w, 1e-6f);
        for (float v : w) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void blmIsNotTheColumnOnlySmoothingThatFavouredSinkClasses() {
        // a "sink" source predicted for everything: per-column smoothing gave it every column; the row
        // step divides by its large row sum, so a source that is specific to one target wins there
        int[][] f = {{50, 40, 40}, {30, 0, 0}};
        float[] w = BayesianLabelMapping.omega(f);
        // s0 row: /131 -> 50/131; s1 row: /31 -> 30/31; column 0: s1 wins
        assertTrue(w[3] > w[0], "the specific source must outweigh the sink in column 0");
        assertEquals((30.0 / 31) / (30.0 / 31 + 50.0 / 131), w[3], 1e-6);
    }

    @Test
    void blmPlusSumsTheTopKProbabilitiesPerTrueClass() {
        float[] probs = {0.7f, 0.2f, 0.1f, 0.5f, 0.4f, 0.1f, 0.1f, 0.3f, 0.6f};
        int[] labels = {0, 0, 1};
        double[][] f = new double[3][2];
        Frequencies.addTopK(probs, labels, 2, f);
        // k = 2: image 0 adds 0.7 to s0 and 0.2 to s1; image 1 0.5 and 0.4; image 2 (class 1) 0.6 to s2, 0.3 to s1
        assertArrayEquals(new double[] {1.2, 0}, f[0], 1e-6);
        assertArrayEquals(new double[] {0.6, 0.3}, f[1], 1e-6);
        assertArrayEquals(new double[] {0, 0.6}, f[2], 1e-6);
        float[] w = BayesianLabelMapping.omega(f);
        // rows: s0 1.2/2.2; s1 [0.6, 0.3]/1.9; s2 0.6/1.6; then columns
        assertArrayEquals(new float[] {0.6333333f, 0f, 0.3666667f, 0.2962963f, 0f, 0.7037037f}, w, 1e-6f);
        double[][] k1 = new double[3][2];
        Frequencies.addTopK(probs, labels, 1, k1);
        assertArrayEquals(new double[] {1.2, 0}, k1[0], 1e-6);
        assertArrayEquals(new double[] {0, 0}, k1[1], 1e-6);
    }

    @Test
    void blmPlusKIsFifteenPercentOfTheTargetClassesButAtLeastOne() {
        assertEquals(1, Frequencies.blmPlusK(2));
        assertEquals(1, Frequencies.blmPlusK(10));
        assertEquals(3, Frequencies.blmPlusK(20));
        assertEquals(15, Frequencies.blmPlusK(102));
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            var e = assertThrows(IllegalArgumentException.class, () -> new BayesianLabelMapping(5, 40, true, m));
            assertTrue(e.getMessage().contains("k = 6"), e.getMessage());
            var blmPlus = new BayesianLabelMapping(10, 10, true, m);
            assertEquals("blm+", blmPlus.name());
            assertEquals(1, blmPlus.topK());
            assertEquals(0, new BayesianLabelMapping(10, 10, false, m).topK());
        }
    }

    @Test
    void blmAppliesOmegaToRawLogits() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            var blm = new BayesianLabelMapping(3, 3, false, m);
            blm.update(Frequencies.toDouble(new int[][] {{3, 1, 0}, {0, 0, 0}, {1, 1, 0}}));
            float[] t = blm.apply(m.create(new float[] {2f, 5f, -1f}, new Shape(1, 3))).toFloatArray();
            assertEquals(2f * 9 / 14 - 5f / 14, t[0], 1e-5);
            assertEquals(2f / 3 + 5f / 3 - 1f / 3, t[2], 1e-5);
        }
    }

    @Test
    void barMappingPicksMSourcesPerTargetByFrequencyAndAveragesProbabilities() {
        double[][] f = {{9, 0}, {8, 1}, {0, 7}, {1, 6}, {5, 5}};
        int[][] a = GreedyMatching.manyToOne(f, 2);
        assertArrayEquals(new int[] {0, 1}, a[0]);
        assertArrayEquals(new int[] {2, 3}, a[1]);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            MultiLabelMapping bar = new MultiLabelMapping(5, 2, 2, m);
            assertTrue(bar.needsFrequencies(0) && !bar.needsFrequencies(1));
            bar.update(f);
            float[] logits = {1f, 2f, 0f, -1f, 3f};
            float[] out = bar.apply(m.create(logits, new Shape(1, 5))).toFloatArray();
            double z = 0;
            for (float l : logits) {
                z += Math.exp(l);
            }
            double p0 = (Math.exp(1) + Math.exp(2)) / z / 2;
            double p1 = (Math.exp(0) + Math.exp(-1)) / z / 2;
            assertEquals(Math.log(p0), out[0], 1e-5);
            assertEquals(Math.log(p1), out[1], 1e-5);
            assertThrows(IllegalArgumentException.class, () -> new MultiLabelMapping(10, 10, 6, m));
        }
    }
}
