package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.program.ProgramSetup;
import org.reprogram.workbench.core.program.ScaleProgram;
import org.reprogram.workbench.core.train.Losses;

/**
 * A garbage collection between a forward and its backward pass must not change the gradient.
 * Before the fix, DJL's {@code maximum(0f)} / {@code pow(4f)} released the scalar that autograd
 * saved (see {@code core.model.Scalars}); {@link NativeChurn} frees it and reuses its block, and
 * d/ds of the scale program came back 0 instead of -27.9.
 */
class ReleasedOperandTest {

    private static float[] values(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat();
        }
        return v;
    }

    /** d/ds and d/dframe of sum(scale program(x)), with or without a collection before backward. */
    private static float[] scaleGradient(boolean churn) {
        Placement pl = new Placement(1, 16, 16, 8, 8);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                ScaleProgram p = new ScaleProgram(new ProgramSetup(pl, null, null,
                        TestSpecs.programSettings(FrameActivation.SIGMOID, 1.3), 0), m);
                NDManager scope = m.newSubManager()) {
            NDArray x = scope.create(values(512, 1), new Shape(2, 1, 16, 16));
            try (GradientCollector gc = scope.getEngine().newGradientCollector()) {
                NDArray l = p.apply(x, true).mul(scope.create(values(512, 2), new Shape(2, 1, 16, 16))).sum();
                if (churn) {
                    NativeChurn.churn();
                }
                gc.backward(l);
            }
            return p.parameters().get(0).getGradient().toFloatArray();
        }
    }

    @Test
    void scaleGradientSurvivesACollectionBetweenForwardAndBackward() {
        float[] clean = scaleGradient(false);
        assertTrue(clean[0] != 0, "d/ds of this input: " + clean[0]);
        for (int round = 0; round < 3; round++) {
            assertArrayEquals(clean, scaleGradient(true), 0f, "d/ds after a collection, round " + round);
        }
    }

    /** Gradient of the focal loss w.r.t. the logits, with or without a collection before backward. */
    private static float[] focalGradient(boolean churn) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] v = values(40, 3);
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] - 0.5f) * 6;
            }
            NDArray logits = m.create(v, new Shape(8, 5));
            logits.setRequiresGradient(true);
            NDArray labels = m.create(new int[] {0, 1, 2, 3, 4, 0, 1, 2});
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray l = Losses.focal(logits, labels);
                if (churn) {
                    NativeChurn.churn();
                }
                gc.backward(l);
            }
            return logits.getGradient().toFloatArray();
        }
    }

    @Test
    void focalLossGradientSurvivesACollectionBetweenForwardAndBackward() {
        float[] clean = focalGradient(false);
        double norm = 0;
        for (float g : clean) {
            norm += g * g;
        }
        assertTrue(norm > 0, "the focal loss has a gradient here");
        for (int round = 0; round < 3; round++) {
            assertArrayEquals(clean, focalGradient(true), 0f, "focal gradient after a collection, round " + round);
        }
        assertEquals(40, clean.length);
    }
}
