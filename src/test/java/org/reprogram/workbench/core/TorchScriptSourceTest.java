package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.train.Experiment;
import org.reprogram.workbench.core.train.RunStatus;

/** The committed TorchScript fixture (made by fixtures/torchscript/make_fixtures.py with torch 1.13). */
class TorchScriptSourceTest {

    private static final Path DIR = TestPaths.fixtures().resolve("torchscript");

    private static float[] floats(JsonObject o, String key) {
        var a = o.getAsJsonArray(key);
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }

    /*
     * The fixture has 16 conv channels on purpose: with 16 the input gradient matches Python on every
     * pass, which this test pins down. With 4 (and 8, 12) output channels DJL 0.36 / libtorch 2.7.1 on
     * the build machine's CPU returns wrong input gradients on most passes: the README's "could not be
     * reproduced for TorchScript modules" does not hold here. FourChannelGradientTest measures it on
     * tiny_cnn4.pt and checks that GradientSelfCheck flags such a model.
     */
    @Test
    void forwardAndInputGradientMatchPythonOnEveryPass() throws Exception {
        JsonObject ref = Json.GSON.fromJson(Files.readString(DIR.resolve("tiny_cnn_reference.json")), JsonObject.class);
        float[] input = floats(ref, "input");
        float[] logits = floats(ref, "logits");
        float[] grad = floats(ref, "gradient");
        try (SourceModel model = SourceModels.open(DIR.resolve("tiny_cnn.pt").toString(), Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            assertEquals(5, model.card().numClasses());
            assertTrue(model.parameterCount() > 5000, "parameters: " + model.parameterCount());
            float[] before = firstWeights(model);
            // the sidecar normalises with mean 0.5, std 0.25: feed pixels that normalise to the reference input
            float[] pixels = new float[input.length];
            for (int i = 0; i < input.length; i++) {
                pixels[i] = input[i] * 0.25f + 0.5f;
            }
            for (int round = 0; round < 10; round++) {
                NDArray x = m.create(pixels, new Shape(2, 3, 16, 16));
                x.setRequiresGradient(true);
                float[] out;
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray y = model.logits(x);
                    out = y.toFloatArray();
                    gc.backward(y.get(new NDIndex(":, 0")).sum());
                }
                for (int i = 0; i < logits.length; i++) {
                    assertEquals(logits[i], out[i], 1e-4, "logit " + i + " in round " + round);
                }
                float[] g = x.getGradient().toFloatArray();
                for (int i = 0; i < grad.length; i++) {
                    // d/dpixel = d/dinput / std
                    assertEquals(grad[i] / 0.25f, g[i], 1e-4 + 1e-3 * Math.abs(grad[i] / 0.25f),
                            "gradient " + i + " in round " + round);
                }
            }
            assertArrayEquals(before, firstWeights(model), 0f, "TorchScript weights must stay frozen");
        }
    }

    @Test
    void whiteBoxReprogrammingOfTheTorchScriptModelTrainsAndKeepsItFrozen() {
        TargetDataset digits = TargetDatasets.open(TestPaths.digits(), 0);
        RunSpec cfg = RunSpec.defaults(TestPaths.digits().toString()).withSource(DIR.resolve("tiny_cnn.pt").toString())
                .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
                .withValue(ParameterRegistry.get("program.inner_size"), 8).with(Settings.EPOCHS, 3)
                .with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05).with(Settings.SEED, 0L)
                .with(Settings.DEVICE, "cpu");
        try (Experiment exp = Experiment.open(cfg, digits)) {
            float[] before = firstWeights(exp.source());
            var r = new org.reprogram.workbench.core.train.WhiteBoxTrainer(0).train(exp,
                    new org.reprogram.workbench.core.train.TrainingListener() {},
                    new org.reprogram.workbench.core.train.TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            assertTrue(r.testAccuracy() > 0.3, "well above the 0.1 chance level: " + r.testAccuracy());
            assertArrayEquals(before, firstWeights(exp.source()), 0f, "TorchScript weights must stay frozen");
        }
    }

    @Test
    void experimentPlacesGrayTargetsOnTheModelsThreeChannels() {
        TargetDataset digits = TargetDatasets.open(TestPaths.digits(), 0);
        RunSpec cfg = RunSpec.defaults(TestPaths.digits().toString()).withSource(DIR.resolve("tiny_cnn.pt").toString())
                .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
                .withValue(ParameterRegistry.get("program.inner_size"), 8).with(Settings.EPOCHS, 1)
                .with(Settings.DEVICE, "cpu");
        try (Experiment exp = Experiment.open(cfg, digits)) {
            assertEquals(3, exp.placement().channels(), "gray digits are repeated to the model's 3 channels");
            assertEquals(16, exp.placement().height());
            assertEquals(3L * (16 * 16 - 8 * 8) + 5 * 10 + 10, exp.trainableParameters());
        }
    }

    @Test
    void blackBoxReprogrammingOfTheTorchScriptModelUsesForwardPassesOnly() {
        TargetDataset digits = TargetDatasets.open(TestPaths.digits(), 0);
        RunSpec cfg = TestSpecs.programAndMapping(RunSpec.defaults(TestPaths.digits().toString()), "pad", 8, "linear")
                .withSource(DIR.resolve("tiny_cnn.pt").toString()).with(Settings.TRAINER, TrainerKind.BLACKBOX)
                .with(Settings.EPOCHS, 2).with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05)
                .with(Settings.SHOTS, 10).with(Settings.DEVICE, "cpu").with(Settings.QUERY_DIRECTIONS, 5)
                .with(Settings.SMOOTHING, 0.05)
                .withValue(ParameterRegistry.get("program.frame"),
                        org.reprogram.workbench.core.program.FrameActivation.TANH);
        try (Experiment exp = Experiment.open(cfg, digits)) {
            assertTrue(exp.notices().stream().noneMatch(n -> n.contains("TorchScript")), "no warning for black-box");
            var r = org.reprogram.workbench.core.train.Trainer.forConfig(cfg, 0).train(exp,
                    new org.reprogram.workbench.core.train.TrainingListener() {},
                    new org.reprogram.workbench.core.train.TrainingControl());
            assertEquals(RunStatus.COMPLETED, r.status(), r.message());
            assertEquals(2L * 100 * (5 + 1), r.trainingQueries());
            assertTrue(r.testAccuracy() >= 0 && r.testAccuracy() <= 1);
        }
    }

    private static float[] firstWeights(SourceModel model) {
        var block = ((org.reprogram.workbench.core.model.TorchScriptSourceModel) model).block();
        return block.getParameters().get(0).getValue().getArray().toFloatArray();
    }

    @Test
    void wrongShapeNotAModelAndMissingSidecarAreClearErrors(@TempDir Path tmp) throws Exception {
        UserInputException shape = assertThrows(UserInputException.class,
                () -> SourceModels.open(DIR.resolve("bad_shape.pt").toString(), Device.cpu()));
        assertTrue(shape.getMessage().contains("bad_shape.pt.json") && shape.getMessage().contains("inputShape"),
                shape.getMessage());
        UserInputException notModel = assertThrows(UserInputException.class,
                () -> SourceModels.open(DIR.resolve("not_a_model.pt").toString(), Device.cpu()));
        assertTrue(notModel.getMessage().contains("not_a_model.pt") && notModel.getMessage().contains("TorchScript"),
                notModel.getMessage());
        Path lonely = tmp.resolve("lonely.pt");
        Files.copy(DIR.resolve("tiny_cnn.pt"), lonely);
        UserInputException noSidecar = assertThrows(UserInputException.class,
                () -> SourceModels.open(lonely.toString(), Device.cpu()));
        assertTrue(noSidecar.getMessage().contains("lonely.pt.json") && noSidecar.getMessage().contains("missing"),
                noSidecar.getMessage());
        Files.writeString(tmp.resolve("lonely.pt.json"), "{\"inputShape\": [3, 16, 16], \"classNames\": [\"a\", \"b\"]}");
        UserInputException wrongClasses = assertThrows(UserInputException.class,
                () -> SourceModels.open(lonely.toString(), Device.cpu()));
        assertTrue(wrongClasses.getMessage().contains("2 classNames"), wrongClasses.getMessage());
    }
}
