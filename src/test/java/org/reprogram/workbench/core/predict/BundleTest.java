package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * export -> predict: a bundle moved to a fresh folder, with the run folder and the source model
 * gone, predicts exactly what the run folder predicted (classes, probabilities and programmed
 * inputs bit for bit), for a TorchScript and for the built-in source.
 */
class BundleTest {

    @Test
    void bundleOfATorchScriptRunPredictsLikeTheRunWithoutAnyOtherFile(@TempDir Path tmp) throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Path pt = Files.copy(SmallRuns.TINY, models.resolve("my_model.pt"));
        Files.copy(SmallRuns.TINY.resolveSibling("tiny_cnn.pt.json"), models.resolve("my_model.pt.json"));
        Path digits5 = SmallRuns.digits5(tmp);
        Path run = tmp.resolve("run");
        TrainingResult result = SmallRuns.train(SmallRuns.config(pt.toString(), digits5, "scale",
                "ilm", "whitebox"), run);
        List<Path> images = List.of(digits5.resolve("test"));

        List<Prediction> fromRun;
        try (Predictor p = Predictor.open(run, null, "cpu")) {
            fromRun = p.predict(ImageInputs.expand(images, p.targetClasses()), 5, true);
        }
        Path bundle = tmp.resolve("out/my-run.zip");
        BundleExporter.Exported e = BundleExporter.export(run, null, bundle, false);
        assertEquals(result.bestEpoch(), e.run().state().epoch(), "the best-validation state");
        assertTrue(e.entries().containsAll(List.of("bundle.json", "config.json", "MODEL_CARD.md", "state/program.npy",
                "state/mapping.npy", "interop/delta.npy", "interop/scale.npy", "interop/mapping_weights.npy",
                "interop/mapping_bias.npy", "model/my_model.pt", "model/my_model.pt.json", "SHA256SUMS")), e.entries()
                .toString());
        assertChecksumsListEveryEntry(bundle);

        Path fresh = Files.move(bundle, Files.createDirectories(tmp.resolve("elsewhere")).resolve("copy.zip"));
        Files.delete(pt); // the source model is gone: only the bundle has it now
        UserInputException missing = assertThrows(UserInputException.class, () -> Predictor.open(run, null, "cpu"));
        assertTrue(missing.getMessage().contains("my_model.pt: the source model of run " + run + " is missing"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("Fix: "), missing.getMessage());

        try (Predictor p = Predictor.open(fresh, null, "cpu")) {
            assertEquals(StateChoice.BEST, p.run().choice());
            assertEquals(result.testAccuracyAtBestVal(), p.run().testAccuracy(), 0.0);
            assertSame(fromRun, p.predict(ImageInputs.expand(images, p.targetClasses()), 5, true));
            UserInputException other = assertThrows(UserInputException.class,
                    () -> Predictor.open(fresh, StateChoice.FINAL, "cpu").close());
            assertTrue(other.getMessage().contains("holds the best state (epoch " + result.bestEpoch() + ") only"),
                    other.getMessage());
        }
        assertThrows(UserInputException.class, () -> BundleExporter.export(run, null, fresh, false),
                "an existing file is not replaced without overwrite");
    }

    @Test
    void bundleOfABuiltInRunCarriesTheBuiltInWeights(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        RunSpec c = SmallRuns.config("builtin", TestPaths.digits(), "full", "linear", "whitebox")
                .with(Settings.EPOCHS, 1);
        SmallRuns.train(c, run);
        List<Path> images = List.of(TestPaths.digits().resolve("test/4"), TestPaths.digits().resolve("test/9"));
        List<Prediction> fromRun;
        try (Predictor p = Predictor.open(run, StateChoice.FINAL, "cpu")) {
            fromRun = p.predict(ImageInputs.expand(images, p.targetClasses()), 2, true);
        }
        Path bundle = tmp.resolve("b.zip");
        List<String> entries = BundleExporter.export(run, StateChoice.FINAL, bundle, false).entries();
        assertTrue(entries.containsAll(List.of("model/model.json", "model/weights.params")), entries.toString());
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            String card = new String(z.getInputStream(z.getEntry("MODEL_CARD.md")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(card.contains("Target classes (10): 0, 1, 2, 3, 4, 5, 6, 7, 8, 9"), card);
            assertTrue(card.contains("final state (epoch 1)"), card);
        }
        try (Predictor p = Predictor.open(bundle, null, "cpu")) {
            assertEquals(StateChoice.FINAL, p.run().choice());
            assertSame(fromRun, p.predict(ImageInputs.expand(images, p.targetClasses()), 2, true));
        }
    }

    /** The same images, classes, probabilities, source answers and programmed inputs, exactly. */
    static void assertSame(List<Prediction> expected, List<Prediction> actual) {
        assertEquals(expected.size(), actual.size());
        assertFalse(expected.isEmpty());
        for (int i = 0; i < expected.size(); i++) {
            Prediction a = expected.get(i);
            Prediction b = actual.get(i);
            assertTrue(a.ok() && b.ok(), a.error() + " / " + b.error());
            assertEquals(a.file(), b.file());
            assertEquals(a.trueClass(), b.trueClass());
            assertEquals(a.top(), b.top(), a.name());
            assertEquals(a.sourceClass(), b.sourceClass());
            assertEquals(a.sourceProbability(), b.sourceProbability(), 0.0);
            assertArrayEquals(a.programmed(), b.programmed(), a.name());
        }
    }

    private static void assertChecksumsListEveryEntry(Path bundle) throws Exception {
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            Map<String, String> sums = Checksums.parse(z.getInputStream(z.getEntry(Checksums.FILE)).readAllBytes());
            assertEquals(z.size() - 1, sums.size(), "every other entry is listed");
            for (Map.Entry<String, String> s : sums.entrySet()) {
                assertEquals(Checksums.sha256(z.getInputStream(z.getEntry(s.getKey())).readAllBytes()), s.getValue(),
                        s.getKey());
            }
        }
    }
}
