package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.VisionLanguageSpecs;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.model.PromptClassifier;
import org.reprogram.workbench.core.model.VisionLanguageModel;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunPromptsFile;
import org.reprogram.workbench.core.run.RunStore;

/**
 * A run on the shipped vision-language model saves its prompts with their embeddings
 * ({@code prompts.json}); predict and export read them back, so a {@code descriptions} run predicts
 * from its bundle (and its folder) after its descriptions file is gone, exactly as before.
 */
class VisionLanguageBundleTest {

    @TempDir
    static Path tmp;
    private static Path run;
    private static Path descriptions;
    private static final List<Path> IMAGES = List.of(TestPaths.digits().resolve("test/3"),
            TestPaths.digits().resolve("test/8"));

    @BeforeAll
    static void trainADescriptionsRun() throws Exception {
        descriptions = tmp.resolve("descriptions.json");
        run = tmp.resolve("run");
        SmallRuns.train(VisionLanguageSpecs.descriptions(descriptions, 1), run);
    }

    @Test
    void promptsJsonHoldsThePromptsAndTheEmbeddingsAFreshClassifierComputes() throws Exception {
        assertTrue(Files.isRegularFile(run.resolve(RunFiles.PROMPTS)), "written when training started");
        RunPromptsFile.Saved saved = RunPromptsFile.read(run.resolve(RunFiles.PROMPTS), "-");
        assertEquals(VisionLanguageSpecs.CLOTHES, saved.prompts().classNames());
        assertEquals(25, saved.prompts().size(), "3 descriptions for 5 classes, 2 for the other 5");
        assertEquals(RunStore.load(run, false).info().sourceClasses(), saved.prompts().labels(),
                "the prompts are the run's source classes");
        assertEquals("a photo of a coat.", saved.prompts().prompts().get(10).label());
        assertEquals(4, saved.prompts().prompts().get(10).targetClass());
        try (VisionLanguageModel model = SourceModels.openVisionLanguage(VisionLanguageSpecs.CLIP, Device.cpu());
                PromptClassifier fresh = PromptClassifier.of(model, saved.prompts())) {
            float[][] e = fresh.promptEmbeddings();
            assertEquals(e.length, saved.embeddings().length);
            for (int p = 0; p < e.length; p++) {
                assertEquals(model.card().visionLanguage().embeddingSize(), saved.embeddings()[p].length);
                assertArrayEquals(e[p], saved.embeddings()[p], 1e-6f, "prompt " + p);
            }
            assertEquals(model.logitScale(), saved.logitScale(), 0f);
        }
    }

    @Test
    void aDescriptionsRunPredictsFromItsBundleWithoutItsDescriptionsFile() throws Exception {
        Path copy = tmp.resolve("run-copy");
        copyTree(run, copy);
        List<Prediction> fromRun;
        try (Predictor p = Predictor.open(run, null, "cpu")) {
            fromRun = p.predict(ImageInputs.expand(IMAGES, p.targetClasses()), 3, true);
        }
        Path bundle = tmp.resolve("descriptions.zip");
        BundleExporter.Exported e = BundleExporter.export(run, null, bundle, false);
        assertTrue(e.entries().containsAll(List.of("prompts.json", "model/model.pt", "model/model.pt.json",
                "model/tokenizer.json")), e.entries().toString());
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            JsonObject m = JsonParser.parseString(new String(z.getInputStream(z.getEntry("bundle.json")).readAllBytes(),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            assertEquals("vision-language", m.getAsJsonObject("source").get("kind").getAsString());
            assertEquals("prompts.json", m.get("prompts").getAsString());
            assertTrue(m.getAsJsonObject("interop").get("unavailable").getAsString().contains("descriptions"),
                    "the descriptions mapping states why it has no plain-array form");
        }

        Files.delete(descriptions);
        try (Predictor p = Predictor.open(bundle, null, "cpu")) {
            BundleTest.assertSame(fromRun, p.predict(ImageInputs.expand(IMAGES, p.targetClasses()), 3, true));
        }
        try (Predictor p = Predictor.open(run, null, "cpu")) {
            BundleTest.assertSame(fromRun, p.predict(ImageInputs.expand(IMAGES, p.targetClasses()), 3, true));
        }
        // without its saved prompts the run needs the descriptions file again: they are what made the difference
        Files.delete(copy.resolve(RunFiles.PROMPTS));
        UserInputException missing = assertThrows(UserInputException.class, () -> Predictor.open(copy, null, "cpu"));
        assertTrue(missing.getMessage().contains(descriptions.getFileName().toString()), missing.getMessage());
    }

    @Test
    void savedEmbeddingsThatDoNotFitAreClearErrors() throws Exception {
        RunPromptsFile.Saved saved = RunPromptsFile.read(run.resolve(RunFiles.PROMPTS), "-");
        int d = saved.embeddings()[0].length;
        VisionLanguageModel model = SourceModels.openVisionLanguage(VisionLanguageSpecs.CLIP, Device.cpu());
        UserInputException wrong = assertThrows(UserInputException.class, () -> PromptClassifier.of(model,
                saved.prompts(), new float[saved.prompts().size()][d + 1]).close());
        assertTrue(wrong.getMessage().contains("has " + (d + 1) + " values, but model 'fmnist-clip' has embeddingSize "
                + d) && wrong.getMessage().contains("Fix: "), wrong.getMessage());

        Path damaged = tmp.resolve("damaged");
        copyTree(run, damaged);
        String text = Files.readString(damaged.resolve(RunFiles.PROMPTS));
        Files.writeString(damaged.resolve(RunFiles.PROMPTS), text.replace("\"targetClass\": 4", "\"targetClass\": 40"));
        UserInputException bad = assertThrows(UserInputException.class, () -> Predictor.open(damaged, null, "cpu"));
        assertTrue(bad.getMessage().startsWith(damaged.resolve(RunFiles.PROMPTS) + ": prompt "), bad.getMessage());
        assertTrue(bad.getMessage().contains("Fix: delete it"), bad.getMessage());
    }

    @Test
    void aTokenizerOutsideTheModelsFolderIsRefusedByExportWithTheFix() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("elsewhere/model"));
        Path shared = Files.createDirectories(tmp.resolve("elsewhere/shared"));
        Path clip = TestPaths.root().resolve("assets/models/fmnist-clip");
        Files.copy(clip.resolve("model.pt"), models.resolve("clip.pt"));
        Files.copy(clip.resolve("tokenizer.json"), shared.resolve("tokenizer.json"));
        Files.writeString(models.resolve("clip.pt.json"), Files.readString(clip.resolve("model.pt.json"))
                .replace("\"tokenizer\": \"tokenizer.json\"", "\"tokenizer\": \"../shared/tokenizer.json\""));
        Path moved = tmp.resolve("run-other-model");
        copyTree(run, moved);
        Files.writeString(moved.resolve(RunFiles.CONFIG), Files.readString(moved.resolve(RunFiles.CONFIG))
                .replace("\"source\": \"" + VisionLanguageSpecs.CLIP + "\"", "\"source\": \""
                        + models.resolve("clip.pt") + "\""));
        try (Predictor p = Predictor.open(moved, null, "cpu")) {
            assertEquals(25, p.sourceClasses().size(), "the run predicts with the model there");
        }
        UserInputException e = assertThrows(UserInputException.class,
                () -> BundleExporter.export(moved, null, tmp.resolve("other.zip"), false));
        assertTrue(e.getMessage().startsWith(models.resolve("clip.pt.json") + ": its \"tokenizer\" (../shared/"
                + "tokenizer.json) is outside the model's folder") && e.getMessage().contains("Fix: put the tokenizer"),
                e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("other.zip")), "nothing written");
    }

    @Test
    void aTokenizerInAFolderBelowTheModelTravelsAtItsPath() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("nested/model/tok"));
        Path clip = TestPaths.root().resolve("assets/models/fmnist-clip");
        Files.copy(clip.resolve("model.pt"), models.resolveSibling("clip.pt"));
        Files.copy(clip.resolve("tokenizer.json"), models.resolve("tokenizer.json"));
        Files.writeString(models.resolveSibling("clip.pt.json"), Files.readString(clip.resolve("model.pt.json"))
                .replace("\"tokenizer\": \"tokenizer.json\"", "\"tokenizer\": \"tok/tokenizer.json\""));
        Path moved = tmp.resolve("run-nested-model");
        copyTree(run, moved);
        Files.writeString(moved.resolve(RunFiles.CONFIG), Files.readString(moved.resolve(RunFiles.CONFIG))
                .replace("\"source\": \"" + VisionLanguageSpecs.CLIP + "\"", "\"source\": \""
                        + models.resolveSibling("clip.pt") + "\""));
        List<Prediction> fromRun;
        try (Predictor p = Predictor.open(moved, null, "cpu")) {
            fromRun = p.predict(ImageInputs.expand(IMAGES, p.targetClasses()), 3, true);
        }
        BundleExporter.Exported e = BundleExporter.export(moved, null, tmp.resolve("nested.zip"), false);
        assertTrue(e.entries().containsAll(List.of("model/clip.pt", "model/clip.pt.json", "model/tok/tokenizer.json")),
                e.entries().toString());
        try (Predictor p = Predictor.open(tmp.resolve("nested.zip"), null, "cpu")) {
            BundleTest.assertSame(fromRun, p.predict(ImageInputs.expand(IMAGES, p.targetClasses()), 3, true));
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (java.util.stream.Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
