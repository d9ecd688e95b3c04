package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.model.GradientSelfCheck;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.SourceModels;

/** The load-time gradient self-check passes on healthy models and catches tampered gradients. */
class GradientSelfCheckTest {

    private static final String TINY_CNN = TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt").toString();

    static void assertHealthy(GradientSelfCheck.Result r, String what) {
        System.out.printf("self-check %s: relative error %.2e, deterministic %s, %d ms%n", what,
                r.relativeError(), r.deterministic(), r.millis());
        assertNull(r.warning(), what);
        assertTrue(r.healthy(), what);
        assertTrue(r.relativeError() < GradientSelfCheck.MAX_RELATIVE_ERROR, what + ": " + r.relativeError());
        assertTrue(r.deterministic(), what);
        assertTrue(r.directions() >= 3, what);
    }

    @Test
    void passesOnTheBuiltinModel() {
        try (SourceModel model = SourceModels.open("builtin", Device.cpu())) {
            for (long seed = 0; seed < 3; seed++) {
                assertHealthy(GradientSelfCheck.run(model, seed), "builtin, seed " + seed);
            }
        }
    }

    @Test
    void passesOnTheTorchScriptFixture() {
        try (SourceModel model = SourceModels.open(TINY_CNN, Device.cpu())) {
            for (long seed = 0; seed < 3; seed++) {
                assertHealthy(GradientSelfCheck.run(model, seed), "tiny_cnn.pt, seed " + seed);
            }
        }
    }

    @Test
    void failsWhenTheGradientIsTwiceTheTrueOne() {
        // value f(x), gradient 2 f'(x): out + (out - stopGradient(out))
        try (SourceModel model = new TamperedGradient(SourceModels.open(TINY_CNN, Device.cpu()),
                out -> out.add(out.sub(out.stopGradient())))) {
            GradientSelfCheck.Result r = GradientSelfCheck.run(model, 0);
            System.out.printf("self-check doubled gradient: relative error %.3f%n", r.relativeError());
            assertTrue(r.relativeError() > 0.3, "k = 2 gives 0.5: " + r.relativeError());
            assertTrue(r.deterministic());
            assertNotNull(r.warning());
            assertTrue(r.warning().contains("tiny_cnn.pt") && r.warning().contains("finite differences")
                    && r.warning().contains("--trainer blackbox"), r.warning());
        }
    }

    @Test
    void failsWhenTheGradientChangesFromPassToPass() {
        // value f(x), gradient f'(x) * (1 + 1e-3 noise) with fresh noise per call: accurate but not repeatable
        Random noise = new Random(7);
        try (SourceModel model = new TamperedGradient(SourceModels.open(TINY_CNN, Device.cpu()), out -> {
            float[] n = new float[Math.toIntExact(out.size())];
            for (int i = 0; i < n.length; i++) {
                n[i] = (float) (1e-3 * noise.nextGaussian());
            }
            NDArray jitter = out.getManager().create(n, out.getShape());
            return out.add(out.sub(out.stopGradient()).mul(jitter));
        })) {
            GradientSelfCheck.Result r = GradientSelfCheck.run(model, 0);
            System.out.printf("self-check noisy gradient: relative error %.2e, deterministic %s%n",
                    r.relativeError(), r.deterministic());
            assertFalse(r.deterministic());
            assertTrue(r.relativeError() < GradientSelfCheck.MAX_RELATIVE_ERROR, "noise below finite differences");
            assertNotNull(r.warning());
            assertTrue(r.warning().contains("change from one backward pass to the next"), r.warning());
        }
    }

    @Test
    void failsOnNonFiniteLogitsAndGradients() {
        try (SourceModel model = new TamperedGradient(SourceModels.open(TINY_CNN, Device.cpu()),
                out -> out.mul(Float.NaN))) {
            GradientSelfCheck.Result r = GradientSelfCheck.run(model, 0);
            assertTrue(Double.isNaN(r.relativeError()));
            assertNotNull(r.warning());
            assertTrue(r.warning().contains("not finite"), r.warning());
        }
    }

    @Test
    void leavesNoArraysBehind() {
        try (SourceModel model = SourceModels.open(TINY_CNN, Device.cpu())) {
            int before = model.manager().getManagedArrays().size();
            GradientSelfCheck.run(model, 0);
            assertEquals(before, model.manager().getManagedArrays().size());
        }
    }

    @Test
    void flagsAModelWhoseInputGradientIsZero() {
        // rounds its input: gradient exactly 0, and at the check's tiny steps no logit moves either, so the
        // finite-difference error alone read "healthy"
        try (SourceModel model = new RoundedInput(SourceModels.open(TINY_CNN, Device.cpu()))) {
            GradientSelfCheck.Result r = GradientSelfCheck.run(model, 0);
            assertNotNull(r.warning(), "relative error " + r.relativeError());
            assertFalse(r.healthy());
            assertTrue(r.warning().contains("input gradient of " + TINY_CNN + " is zero everywhere"), r.warning());
            assertTrue(r.warning().contains("--trainer blackbox"), r.warning());
        }
    }

    @Test
    void aModelDetachedFromItsInputGetsAClearErrorNotAnEngineException() {
        try (SourceModel model = new TamperedGradient(SourceModels.open(TINY_CNN, Device.cpu()), NDArray::stopGradient)) {
            UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class,
                    () -> GradientSelfCheck.run(model, 0));
            assertTrue(e.getMessage().startsWith(TINY_CNN + ": the model's output is detached from its input"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Fix: train black-box (--trainer blackbox)"), e.getMessage());
        }
    }

    /** Test double: the delegate sees its input rounded to 0 or 1 (torch.round's gradient is zero). */
    private static final class RoundedInput extends DelegatingSourceModel {

        RoundedInput(SourceModel delegate) {
            super(delegate);
        }

        @Override
        public NDArray logits(NDArray pixels) {
            return super.logits(pixels.round());
        }
    }

    /** Test double: the delegate's logits with their gradient path rewritten by TAMPER. */
    private static final class TamperedGradient extends DelegatingSourceModel {

        private final UnaryOperator<NDArray> tamper;

        TamperedGradient(SourceModel delegate, UnaryOperator<NDArray> tamper) {
            super(delegate);
            this.tamper = tamper;
        }

        @Override
        public NDArray logits(NDArray pixels) {
            return tamper.apply(super.logits(pixels));
        }
    }
}
