package org.reprogram.workbench.core.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;

/**
 * The sidecar ({@code model.pt.json}) of a vision-language model, marked {@code "kind":
 * "vision-language"}, read and checked without loading the module (pickers, validation, study
 * specs). Every problem names the sidecar, the key and the fix. The image side uses the classifier
 * sidecar's keys ({@code inputShape}, {@code mean}, {@code std}); the text side is
 * {@link VisionLanguageCard}. {@code docs/python/export_vlm.py} writes such sidecars for open_clip
 * and Hugging Face CLIP/SigLIP models.
 */
public final class VisionLanguageSidecar {

    public static final String KIND = "vision-language";

    static final String EXAMPLE = "write a sidecar like {\"kind\": \"vision-language\", \"inputShape\": [3, 224, 224],"
            + " \"mean\": [...], \"std\": [...], \"imageMethod\": \"encode_image\", \"textMethod\": \"encode_text\","
            + " \"textInputs\": [\"input_ids\"], \"tokenizer\": \"tokenizer.json\", \"contextLength\": 77, \"padId\": 0,"
            + " \"embeddingSize\": 512, \"logitScale\": 100} (docs/python/export_vlm.py writes one)";

    private static final String METHOD_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    /** The keys of the JSON file (Gson fills what is there). */
    private record Raw(String kind, String description, int[] inputShape, float[] mean, float[] std,
            String imageMethod, String textMethod, List<String> textInputs, String tokenizer, Integer contextLength,
            Integer padId, Integer embeddingSize, Float logitScale, Double testAccuracy) {}

    private record Kind(String kind) {}

    private VisionLanguageSidecar() {}

    /** True when the JSON file SIDECAR declares {@code "kind": "vision-language"}. */
    public static boolean declares(Path sidecar) {
        if (!Files.isRegularFile(sidecar)) {
            return false;
        }
        try {
            Kind k = Json.read(sidecar, Kind.class, EXAMPLE);
            return k != null && KIND.equals(k.kind());
        } catch (UserInputException e) {
            return false; // the classifier reader reports what is wrong with it
        }
    }

    /**
     * The card of the model in MODELFILE from its SIDECAR: no class names (a run's classes are its
     * prompts), the image method as features method, and the text side.
     */
    public static ModelCard read(Path modelFile, Path sidecar) {
        Raw raw = Json.read(sidecar, Raw.class, EXAMPLE);
        int[] shape = raw.inputShape();
        if (shape == null || shape.length != 3 || Arrays.stream(shape).anyMatch(v -> v <= 0)
                || (shape[0] != 1 && shape[0] != 3)) {
            throw bad(sidecar, "\"inputShape\" must be [C, H, W] with 1 or 3 channels, got " + Arrays.toString(shape),
                    "give the image size the image encoder takes, e.g. \"inputShape\": [3, 224, 224]");
        }
        if ((raw.mean() == null) != (raw.std() == null) || raw.mean() != null
                && (raw.mean().length != shape[0] || raw.std().length != shape[0])) {
            throw bad(sidecar, "\"mean\" and \"std\" need one value per channel (" + shape[0] + "), or leave out both",
                    "copy them from the model's image processor (CLIP: [0.4815, 0.4578, 0.4082] and [0.2686, 0.2613,"
                    + " 0.2758])");
        }
        String image = method(sidecar, "imageMethod", raw.imageMethod(), "encode_image");
        String text = method(sidecar, "textMethod", raw.textMethod(), "encode_text");
        List<String> inputs = raw.textInputs() == null ? List.of(VisionLanguageCard.INPUT_IDS) : raw.textInputs();
        if (!inputs.equals(List.of(VisionLanguageCard.INPUT_IDS))
                && !inputs.equals(List.of(VisionLanguageCard.INPUT_IDS, VisionLanguageCard.ATTENTION_MASK))) {
            throw bad(sidecar, "\"textInputs\" must be [\"input_ids\"] or [\"input_ids\", \"attention_mask\"], got "
                    + inputs, "list what the text method takes, in order");
        }
        if (raw.tokenizer() == null || raw.tokenizer().isBlank()) {
            throw bad(sidecar, "\"tokenizer\" is missing", "name the Hugging Face tokenizer.json next to the .pt file,"
                    + " e.g. \"tokenizer\": \"tokenizer.json\"");
        }
        int context = positive(sidecar, "contextLength", raw.contextLength(), "77 for CLIP, 64 for SigLIP");
        int dim = positive(sidecar, "embeddingSize", raw.embeddingSize(), "512 for CLIP ViT-B/32");
        int pad = raw.padId() == null ? 0 : raw.padId();
        if (pad < 0) {
            throw bad(sidecar, "\"padId\" must be a token id (0 or more), got " + pad, "give the tokenizer's pad id");
        }
        float scale = raw.logitScale() == null ? 100f : raw.logitScale();
        if (!(scale > 0) || Float.isInfinite(scale)) {
            throw bad(sidecar, "\"logitScale\" must be a positive number, got " + raw.logitScale(),
                    "give exp(logit_scale) of the model (100 for OpenAI's CLIP)");
        }
        VisionLanguageCard vl = new VisionLanguageCard(image, text, inputs, raw.tokenizer(), context, pad, dim, scale);
        String name = modelFile.getFileName().toString().replaceFirst("\\.pt$", "");
        if ("model".equals(name) && modelFile.toAbsolutePath().getParent() != null
                && modelFile.toAbsolutePath().getParent().getFileName() != null) {
            name = modelFile.toAbsolutePath().getParent().getFileName().toString(); // a model folder: its name
        }
        String description = raw.description() != null ? raw.description() : "vision-language model " + modelFile;
        return new ModelCard(name, shape, List.of(), raw.mean(), raw.std(), description, raw.testAccuracy(), image, vl);
    }

    /** The tokenizer file of the model in MODELFILE. */
    public static Path tokenizerOf(Path modelFile, VisionLanguageCard card) {
        Path dir = modelFile.toAbsolutePath().getParent();
        return dir.resolve(card.tokenizer());
    }

    private static String method(Path sidecar, String key, String value, String example) {
        if (value == null || !value.matches(METHOD_NAME)) {
            throw bad(sidecar, "\"" + key + "\" must name a method of the module, got " + (value == null ? "nothing"
                    : "'" + value + "'"), "write e.g. \"" + key + "\": \"" + example + "\"");
        }
        return value;
    }

    private static int positive(Path sidecar, String key, Integer value, String example) {
        if (value == null || value < 1) {
            throw bad(sidecar, "\"" + key + "\" must be a positive whole number, got " + value, "give it (" + example
                    + ")");
        }
        return value;
    }

    private static UserInputException bad(Path sidecar, String problem, String fix) {
        return UserInputException.forFile(sidecar, problem, fix);
    }
}
