package org.reprogram.workbench.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.TorchScriptSourceModel;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.TrainingResult;

/** Baselines on the committed TorchScript fixtures (fixtures/torchscript/make_fixtures.py). */
class BaselineTorchScriptTest {

    private static final Path DIR = TestPaths.fixtures().resolve("torchscript");
    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    private static RunSpec config(Method kind, String pt, int epochs, int shots) {
        return BaselineTest.config(kind, epochs).withSource(DIR.resolve(pt).toString()).with(Settings.SHOTS, shots)
                .with(Settings.VAL_FRACTION, 0.1);
    }

    private static float[] floats(JsonArray a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }

    @Test
    void linearProbeWithoutFeaturesMethodNamesTheSidecarAndTheKey() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> BaselineRun.open(config(Method.LINEAR_PROBE, "tiny_cnn.pt", 1, 5), DIGITS));
        assertTrue(e.getMessage().startsWith(DIR.resolve("tiny_cnn.pt.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("\"featuresMethod\"") && e.getMessage().contains("@torch.jit.export"),
                e.getMessage());
    }

    @Test
    void featuresMethodGivesPythonsFeaturesAndTheLinearProbeLearnsWithTheModuleFrozen() throws Exception {
        JsonObject ref = Json.GSON.fromJson(Files.readString(DIR.resolve("tiny_cnn_reference.json")), JsonObject.class);
        JsonObject feats = Json.GSON.fromJson(Files.readString(DIR.resolve("tiny_cnn_features_reference.json")),
                JsonObject.class);
        float[] input = floats(ref.getAsJsonArray("input"));
        float[] expected = floats(feats.getAsJsonArray("features"));
        // measured (seed 0, 3 epochs, all 1293 training images, Adam 0.01): test 0.958
        try (BaselineRun run = BaselineRun.open(config(Method.LINEAR_PROBE, "tiny_cnn_features.pt", 3, 0),
                DIGITS)) {
            LinearProbeModel model = (LinearProbeModel) run.model();
            TorchScriptSourceModel source = (TorchScriptSourceModel) model.source();
            float[] pixels = new float[input.length];
            for (int i = 0; i < input.length; i++) {
                pixels[i] = input[i] * 0.25f + 0.5f; // the sidecar normalises with mean 0.5, std 0.25
            }
            Samples two = new Samples(pixels, new int[] {0, 1}, new long[] {3, 16, 16});
            float[] got = model.inputs(two).values();
            assertEquals(expected.length, got.length);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], 1e-4 + 1e-4 * Math.abs(expected[i]), "feature " + i);
            }
            List<float[]> before = BaselineTest.weights(source.block().getParameters());
            TrainingResult r = BaselineTest.train(run);
            List<float[]> after = BaselineTest.weights(source.block().getParameters());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 0f, "TorchScript parameter " + i + " changed");
            }
            assertTrue(r.testAccuracy() > 0.7, "linear probe on the TorchScript features: " + r.testAccuracy());
            assertEquals(16 * 8 * 8 * 10 + 10, r.trainableParameters());
        }
    }

    @Test
    void fineTuneWithoutFeaturesMethodLearnsAMappingOnTheLogitsAndSaysSo() throws Exception {
        byte[] digest = BaselineTest.sha256(DIR.resolve("tiny_cnn.pt"));
        try (BaselineRun run = BaselineRun.open(config(Method.FINETUNE, "tiny_cnn.pt", 1, 10), DIGITS)) {
            TorchScriptBackbone net = (TorchScriptBackbone) ((TrainableModel) run.model()).backbone();
            float[] before = net.block().getParameters().get(0).getValue().getArray().toFloatArray();
            TrainingResult r = BaselineTest.train(run);
            assertFalse(java.util.Arrays.equals(before,
                    net.block().getParameters().get(0).getValue().getArray().toFloatArray()), "module weights train");
            assertTrue(r.message().contains("no featuresMethod: fine-tuned all weights with a learned linear mapping"
                    + " on the logits"), r.message());
            assertEquals("linear-on-logits", r.mapping());
            assertEquals(net.parameterCount() + 5 * 10 + 10, r.trainableParameters());
        }
        assertArrayEquals(digest, BaselineTest.sha256(DIR.resolve("tiny_cnn.pt")), "the .pt file never changes");
    }

    @Test
    void scratchReinitialisesTheModuleAndSaysTheBatchNormBuffersWereNotReset() {
        try (BaselineRun run = BaselineRun.open(config(Method.SCRATCH, "tiny_cnn_features.pt", 1, 10), DIGITS)) {
            TorchScriptBackbone net = (TorchScriptBackbone) ((TrainableModel) run.model()).backbone();
            var params = net.block().getParameters();
            float[] convBias = params.get("body.0.bias").getArray().toFloatArray();
            float[] bnWeight = params.get("body.1.weight").getArray().toFloatArray();
            assertTrue(BaselineTest.allEqual(convBias, 0f) && BaselineTest.allEqual(bnWeight, 1f));
            double std = BaselineTest.std(params.get("body.0.weight").getArray().toFloatArray());
            assertEquals(Math.sqrt(2.0 / 27), std, 0.2 * Math.sqrt(2.0 / 27), "Kaiming std for fan_in 3x3x3");
            TrainingResult r = BaselineTest.train(run);
            assertTrue(r.message().contains("could NOT be reset"), r.message());
            // the module's own classifier is not used by features(): only the body and the new head train
            assertEquals(16 * 27 + 16 + 16 + 16 + 16 * 8 * 8 * 10 + 10, r.trainableParameters());
        }
    }
}
