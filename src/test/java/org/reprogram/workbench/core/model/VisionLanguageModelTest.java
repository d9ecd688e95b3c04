package org.reprogram.workbench.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.TestPaths;

/**
 * The shipped vision-language model seen from Java as its training script saw it from Python
 * ({@code assets/models/fmnist-clip/check/expected.json}, written by docs/python/train_fmnist_clip.py):
 * the same token ids and text embedding, and the prompt logits by hand.
 */
class VisionLanguageModelTest {

    static final String SPEC = "builtin:fmnist-clip";
    private static VisionLanguageModel model;
    private static JsonObject expected;

    @BeforeAll
    static void load() throws Exception {
        model = SourceModels.openVisionLanguage(SPEC, Device.cpu());
        expected = JsonParser.parseString(Files.readString(checkDir().resolve("expected.json"))).getAsJsonObject();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Path checkDir() {
        return TestPaths.root().resolve("assets/models/fmnist-clip/check");
    }

    private static float[] floats(JsonArray a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }

    @Test
    void tokenIdsAreThoseThePythonTrainingUsed() {
        for (JsonElement e : expected.getAsJsonArray("tokenizerCheck")) {
            String text = e.getAsJsonObject().get("text").getAsString();
            JsonArray ids = e.getAsJsonObject().getAsJsonArray("ids");
            long[] want = new long[ids.size()];
            for (int i = 0; i < want.length; i++) {
                want[i] = ids.get(i).getAsLong();
            }
            TextTokenizer.Tokens tokens = model.tokenizer().tokenize(List.of(text));
            assertArrayEquals(want, tokens.ids()[0], "ids of '" + text + "'");
            int tokensBeforePadding = 0; // padding (id 0) only follows the last token ("[PAD]" typed in a text is one)
            for (int i = 0; i < want.length; i++) {
                tokensBeforePadding = want[i] != 0 ? i + 1 : tokensBeforePadding;
            }
            long[] mask = new long[want.length];
            java.util.Arrays.fill(mask, 0, tokensBeforePadding, 1L);
            assertArrayEquals(mask, tokens.mask()[0], "attention mask of '" + text + "'");
        }
    }

    @Test
    void textEmbeddingIsThePythonOne() {
        JsonObject check = expected.getAsJsonObject("textEmbeddingCheck");
        float[] got = model.encodeText(List.of(check.get("text").getAsString()))[0];
        assertArrayEquals(floats(check.getAsJsonArray("embedding")), got, 1e-4f);
    }

    @Test
    void promptLogitsAreScaleTimesCosineByHand() {
        PromptSet prompts = PromptSet.separate(List.of("coat", "bag"), List.of("a photo of a {}.", "the {} in a video game."));
        float[][] text = model.encodeText(prompts.prompts().stream().map(p -> p.texts().get(0)).toList());
        Random rnd = new Random(3);
        float[] pixels = new float[2 * 32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rnd.nextFloat();
        }
        try (PromptClassifier c = new PromptClassifierView(model).of(prompts); NDManager m = model.manager().newSubManager()) {
            NDArray x = m.create(pixels, new Shape(2, 1, 32, 32));
            float[] logits = c.logits(x).toFloatArray();
            NDArray normalized = x.sub(model.card().mean()[0]).div(model.card().std()[0]);
            float[] f = model.imageFeatures(normalized).toFloatArray();
            int d = 64;
            for (int b = 0; b < 2; b++) {
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += f[b * d + j] * f[b * d + j];
                }
                norm = Math.sqrt(norm);
                for (int p = 0; p < prompts.size(); p++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += f[b * d + j] / norm * text[p][j];
                    }
                    assertEquals(model.logitScale() * dot, logits[b * prompts.size() + p], 1e-3,
                            "image " + b + ", prompt " + prompts.prompts().get(p).label());
                }
            }
        }
    }

    @Test
    void anEnsemblePromptIsTheNormalisedMeanOfItsTemplates() {
        List<String> templates = List.of("a photo of a {}.", "a drawing of the {}.");
        PromptSet ensemble = PromptSet.ensemble(List.of("coat"), templates);
        float[][] each = model.encodeText(List.of("a photo of a coat.", "a drawing of the coat."));
        float[] mean = new float[64];
        double norm = 0;
        for (int j = 0; j < 64; j++) {
            mean[j] = (each[0][j] + each[1][j]) / 2;
            norm += mean[j] * mean[j];
        }
        for (int j = 0; j < 64; j++) {
            mean[j] /= (float) Math.sqrt(norm);
        }
        try (PromptClassifier c = new PromptClassifierView(model).of(ensemble)) {
            assertArrayEquals(mean, c.promptEmbeddings()[0], 1e-5f);
            assertEquals("a photo of a coat. (+1 templates)", c.card().classNames().get(0));
        }
    }

    @Test
    void classNamesAndTemplatesChangeTheEmbeddings() {
        float[][] e = model.encodeText(List.of("This is a photo of a coat.", "This is a photo of a bag.",
                "a sketch of a coat."));
        assertNotEquals(0, distance(e[0], e[1]), "class name changes the embedding");
        assertNotEquals(0, distance(e[0], e[2]), "template changes the embedding");
        assertTrue(distance(e[0], e[1]) > 1e-3 && distance(e[0], e[2]) > 1e-3);
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** Builds classifiers on the shared model without closing it. */
    private record PromptClassifierView(VisionLanguageModel model) {
        PromptClassifier of(PromptSet prompts) {
            return PromptClassifier.shared(model, prompts);
        }
    }
}
