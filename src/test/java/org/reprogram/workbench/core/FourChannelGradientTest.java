package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.model.GradientSelfCheck;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.SourceModels;

/**
 * Input gradients through TorchScript convolutions with 4 output channels (tiny_cnn4.pt, made by
 * make_fixtures.py, with logits and input gradient from PyTorch 1.13, checked there against float64).
 * On the 2-core build machine (AMD EPYC, AVX-512) DJL 0.36 / libtorch 2.7.1 gets the logits right on
 * every pass but the input gradient wrong on most passes (20-50% relative error, now and then NaN;
 * with -Dai.djl.pytorch.num_threads=1 on every pass); 16 channels are exact. So the claim that
 * 4/8/12-channel TorchScript convolutions give wrong input gradients is reproduced here, not refuted:
 * {@code repro/TorchScriptGradientRepro} exits 1 when it sees it. What the tests pin: the logits,
 * and that the load-time self-check flags the model exactly when its gradient differs from PyTorch.
 */
public class FourChannelGradientTest {

    private static final Path DIR = TestPaths.fixtures().resolve("torchscript");
    private static final int PASSES = 10;

    public static float[] floats(JsonObject o, String key) {
        var a = o.getAsJsonArray(key);
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }

    /** Logits and input gradient of PASSES forward/backward passes on the reference input. */
    public static List<float[][]> passes(SourceModel model) throws Exception {
        float[] input = floats(reference(), "input");
        // the sidecar normalises with mean 0.5, std 0.25: feed pixels that normalise to the reference input
        float[] pixels = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            pixels[i] = input[i] * 0.25f + 0.5f;
        }
        List<float[][]> out = new ArrayList<>();
        try (NDManager m = model.manager().newSubManager()) {
            for (int round = 0; round < PASSES; round++) {
                NDArray x = m.create(pixels, new Shape(2, 3, 16, 16));
                x.setRequiresGradient(true);
                float[] logits;
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray y = model.logits(x);
                    logits = y.toFloatArray();
                    gc.backward(y.get(new NDIndex(":, 0")).sum());
                }
                out.add(new float[][] {logits, x.getGradient().toFloatArray()});
            }
        }
        return out;
    }

    public static JsonObject reference() throws Exception {
        return Json.GSON.fromJson(Files.readString(DIR.resolve("tiny_cnn4_reference.json")), JsonObject.class);
    }

    /** Whether G (d/dpixel) equals the reference d/dinput divided by std 0.25 to 1e-4 + 1e-3 relative. */
    public static boolean matches(float[] reference, float[] g) {
        for (int i = 0; i < reference.length; i++) {
            float expected = reference[i] / 0.25f;
            if (!(Math.abs(expected - g[i]) <= 1e-4 + 1e-3 * Math.abs(expected))) {
                return false;
            }
        }
        return true;
    }

    public static SourceModel open() {
        return SourceModels.open(DIR.resolve("tiny_cnn4.pt").toString(), Device.cpu());
    }

    @Test
    void logitsMatchPythonOnEveryPass() throws Exception {
        float[] logits = floats(reference(), "logits");
        try (SourceModel model = open()) {
            List<float[][]> passes = passes(model);
            for (int round = 0; round < passes.size(); round++) {
                for (int i = 0; i < logits.length; i++) {
                    assertEquals(logits[i], passes.get(round)[0][i], 1e-4, "logit " + i + " in round " + round);
                }
            }
        }
    }

    /**
     * Whatever this machine's libtorch does, the self-check agrees with PyTorch. On one intra-op
     * thread the wrong gradients are deterministic here (every pass, the same wrong values), so each
     * self-check run must flag the model whenever a pass differs from PyTorch, and none may warn when
     * all match. (On two threads the bug comes and goes and gets rarer the longer a model is in use;
     * one self-check run then catches it in 0-100% of tries, see GradientSelfCheck.)
     */
    @Test
    void selfCheckAgreesWithPythonOnOneThread() throws Exception {
        float[] grad = floats(reference(), "gradient");
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try (SourceModel model = open()) {
            int wrong = 0;
            for (float[][] pass : passes(model)) {
                wrong += matches(grad, pass[1]) ? 0 : 1;
            }
            List<GradientSelfCheck.Result> checks = new ArrayList<>();
            for (long seed = 0; seed < 3; seed++) {
                checks.add(GradientSelfCheck.run(model, seed));
            }
            long flagged = checks.stream().filter(r -> !r.healthy()).count();
            System.out.printf("tiny_cnn4.pt, 1 thread: %d of %d backward passes differ from PyTorch; self-check"
                    + " flagged %d of 3 runs: %s%n", wrong, PASSES, flagged, checks);
            assertEquals(wrong > 0 ? 3 : 0, flagged, wrong + " of " + PASSES + " gradients differ from PyTorch;"
                    + " self-check: " + checks);
            assertTrue(checks.stream().filter(r -> !r.healthy()).allMatch(r -> r.warning().contains("tiny_cnn4.pt")
                    && r.warning().contains("--trainer blackbox")), checks.toString());
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }
}
