package org.reprogram.workbench.core.mapping.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.mapping.MappingContext;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.model.VisionLanguageCard;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/** The text label mappings on hand-made logits and frequencies (no model needed). */
class TextMappingsTest {

    private static final VisionLanguageCard VL = new VisionLanguageCard("encode_image", "encode_text",
            List.of("input_ids"), "tokenizer.json", 8, 0, 4, 10f);

    private static ModelCard card(List<String> prompts) {
        return new ModelCard("vlm", new int[] {1, 8, 8}, prompts, null, null, "test", null, "encode_image", VL);
    }

    private static MappingContext context(PromptSet prompts, List<String> targets, ParameterValues settings) {
        return new MappingContext(card(prompts.labels()), targets, settings, 0);
    }

    @Test
    void textReadsEachClassFromItsOwnPrompt() {
        List<String> classes = List.of("coat", "bag", "shirt");
        TextMapping.Type type = (TextMapping.Type) MappingTypes.get("text");
        PromptSet prompts = type.prompts(classes, ParameterValues.empty());
        assertEquals(List.of("This is a photo of a coat.", "This is a photo of a bag.", "This is a photo of a shirt."),
                prompts.labels());
        try (NDManager m = NDManager.newBaseManager("PyTorch");
                LabelMapping mapping = type.create(context(prompts, classes, ParameterValues.empty()), m)) {
            float[] logits = {1, 5, 2, 7, 0, 3};
            NDArray out = mapping.apply(m.create(logits, new Shape(2, 3)));
            assertArrayEquals(logits, out.toFloatArray(), 0f);
            assertEquals(0, mapping.trainableParameters());
        }
    }

    @Test
    void textIlmPicksThePromptTheFrequenciesImply() {
        List<String> classes = List.of("coat", "bag");
        ParameterValues settings = ParameterValues.empty().with(TextSettings.TEMPLATES, TextSettings.ONE)
                .with(TextSettings.TEMPLATE, "a {}.");
        TextIlmMapping type = (TextIlmMapping) MappingTypes.get("text-ilm");
        // three templates x two classes, template-major: 0 "T0 coat", 1 "T0 bag", 2 "T1 coat", ...
        PromptSet prompts = PromptSet.separate(classes, List.of("a {}.", "the {}.", "my {}."));
        // coat's images pick prompt 4 ("my coat.") most, bag's images prompt 3 ("the bag.")
        double[][] f = {{3, 0}, {0, 2}, {1, 0}, {0, 9}, {8, 1}, {0, 4}};
        try (NDManager m = NDManager.newBaseManager("PyTorch");
                LabelMapping mapping = type.create(context(prompts, classes, settings), m)) {
            assertTrue(mapping.needsFrequencies(0) && mapping.needsFrequencies(5), "recomputed every epoch (ILM-VP)");
            mapping.update(f);
            assertArrayEquals(new int[] {4}, mapping.assignment()[0]);
            assertArrayEquals(new int[] {3}, mapping.assignment()[1]);
            assertEquals("my coat.", prompts.labels().get(mapping.assignment()[0][0]));
            assertEquals("text-ilm", mapping.name());
        }
    }

    @Test
    void descriptionsScoreAClassByTheMeanOfItsTopKDescriptions(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("d.json");
        DescriptionsFile.write(file, List.of("coat", "bag"), List.of(List.of("long sleeves", "buttons", "a collar"),
                List.of("a strap", "leather")));
        ParameterValues settings = ParameterValues.empty().with(TextSettings.DESCRIPTIONS, file.toString())
                .with(TextSettings.TOP_K, 2);
        DescriptionsMapping.Type type = (DescriptionsMapping.Type) MappingTypes.get("descriptions");
        PromptSet prompts = type.prompts(List.of("coat", "bag"), settings);
        assertEquals(List.of("long sleeves", "buttons", "a collar", "a strap", "leather"), prompts.labels());
        try (NDManager m = NDManager.newBaseManager("PyTorch");
                LabelMapping mapping = type.create(context(prompts, List.of("coat", "bag"), settings), m)) {
            float[] logits = {1, 7, 3, 2, 5, /* image 2 */ 4, 0, 1, 9, 9};
            float[] out = mapping.apply(m.create(logits, new Shape(2, 5))).toFloatArray();
            // coat: top 2 of (1, 7, 3) = 5; bag: top 2 of (2, 5) = 3.5; image 2: (4 + 1) / 2, (9 + 9) / 2
            assertArrayEquals(new float[] {5f, 3.5f, 2.5f, 9f}, out, 1e-6f);
        }
    }

    @Test
    void problemsNameTheSettingAndTheFix(@TempDir Path tmp) throws Exception {
        List<String> classes = List.of("coat", "bag");
        TextMapping.Type text = (TextMapping.Type) MappingTypes.get("text");
        List<Problem> empty = text.problems(new MappingContext(card(List.of()), classes,
                ParameterValues.empty().with(TextSettings.CLASS_NAMES, "coat, "), 0));
        assertEquals(1, empty.size());
        assertTrue(empty.get(0).text("class names").contains("class 2 ('bag') is empty"), empty.get(0).text("x"));
        List<Problem> count = text.problems(new MappingContext(card(List.of()), classes,
                ParameterValues.empty().with(TextSettings.CLASS_NAMES, "coat"), 0));
        assertTrue(count.get(0).text("class names").contains("lists 1 name but the target has 2 classes"));
        ModelCard classifier = new ModelCard("cnn", new int[] {1, 8, 8}, List.of("a", "b"), null, null, "", null);
        List<Problem> notVlm = text.problems(new MappingContext(classifier, classes, ParameterValues.empty(), 0));
        assertTrue(notVlm.get(0).text("mapping").contains("is a classifier"), notVlm.get(0).text("mapping"));
        assertTrue(TextSettings.TEMPLATE.check("a photo").messageOnly("template").contains("has no {}"));

        Path bad = Files.writeString(tmp.resolve("d.json"), "{\"coat\": [\"ok\"]}");
        List<Problem> missing = MappingTypes.get("descriptions").problems(new MappingContext(card(List.of()), classes,
                ParameterValues.empty().with(TextSettings.DESCRIPTIONS, bad.toString()), 0));
        assertTrue(missing.get(0).text("descriptions").contains("no descriptions for class 'bag'"),
                missing.get(0).text("descriptions"));
    }
}
