package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.data.SplitPlan;
import org.reprogram.workbench.core.program.Placement;

class RasterAndSplitTest {

    @Test
    void placementCentresTheResizedImageOnAZeroCanvas() {
        Placement p = new Placement(1, 8, 8, 4, 4);
        float[] ones = new float[2 * 2];
        Arrays.fill(ones, 1f);
        float[] canvas = new float[p.canvasSize()];
        p.place(new RasterImage(1, 2, 2, ones), canvas, 0);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(p.inWindow(y, x) ? 1f : 0f, canvas[y * 8 + x], 1e-6, "pixel " + y + "," + x);
            }
        }
        assertEquals(2, p.top());
    }

    @Test
    void grayIsRepeatedAndColourBecomesLuminance() {
        RasterImage gray = new RasterImage(1, 1, 1, new float[] {0.25f});
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, gray.withChannels(3).data());
        RasterImage red = new RasterImage(3, 1, 1, new float[] {1f, 0f, 0f});
        assertEquals(0.299f, red.withChannels(1).data()[0], 1e-6);
    }

    @Test
    void resizeKeepsAConstantImageConstantAndShrinksByAveraging() {
        float[] d = new float[16 * 16];
        Arrays.fill(d, 0.5f);
        RasterImage r = new RasterImage(1, 16, 16, d).resize(5, 7);
        assertEquals(5, r.height());
        for (float v : r.data()) {
            assertEquals(0.5f, v, 1e-6);
        }
        // checkerboard shrinks to its mean
        float[] c = new float[4 * 4];
        for (int i = 0; i < 16; i++) {
            c[i] = ((i / 4 + i % 4) % 2 == 0) ? 1f : 0f;
        }
        RasterImage s = new RasterImage(1, 4, 4, c).resize(2, 2);
        for (float v : s.data()) {
            assertEquals(0.5f, v, 1e-6);
        }
    }

    @Test
    void aLargeValidationShareStillLeavesOneTrainingImagePerClass() {
        int[] labels = {0, 0, 1, 1};
        SplitPlan p = SplitPlan.make(labels, 2, 0.85, 0, 1);
        assertEquals(2, p.train().length, "one training image per class");
        assertEquals(2, p.validation().length);
    }

    @Test
    void splitPlanIsStratifiedDeterministicAndRespectsShots() {
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i % 4;
        }
        SplitPlan a = SplitPlan.make(labels, 4, 0.2, 3, 7);
        SplitPlan b = SplitPlan.make(labels, 4, 0.2, 3, 7);
        assertArrayEquals(a.train(), b.train());
        assertEquals(12, a.train().length, "3 shots x 4 classes");
        assertEquals(20, a.validation().length, "20 % of 25 per class");
        for (int v : a.validation()) {
            assertTrue(Arrays.stream(a.train()).noneMatch(t -> t == v), "validation and training overlap at " + v);
        }
        int[] perClass = new int[4];
        for (int t : a.train()) {
            perClass[labels[t]]++;
        }
        assertArrayEquals(new int[] {3, 3, 3, 3}, perClass);
    }
}
