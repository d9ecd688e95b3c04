package org.reprogram.workbench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;

/**
 * Short runs on the shipped vision-language model ({@value #CLIP}) with the sample digits as target:
 * the prompts name the model's clothing classes in the digits' label order (its vocabulary has no
 * digit words), 6 shots per class, validation 20 %, pad program, CPU.
 */
public final class VisionLanguageSpecs {

    /** The shipped CLIP-style model. */
    public static final String CLIP = "builtin:fmnist-clip";

    /** Class names for the ten digit classes, in label order, in the model's vocabulary. */
    public static final List<String> CLOTHES = List.of("t-shirt", "trouser", "pullover", "dress", "coat", "sandal",
            "shirt", "sneaker", "bag", "ankle boot");

    private VisionLanguageSpecs() {}

    /** A run of text mapping MAPPING for EPOCHS epochs on the sample digits. */
    public static RunSpec config(String mapping, int epochs) {
        return RunSpec.defaults(TestPaths.digits().toString()).with(Settings.SOURCE, CLIP)
                .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, mapping).with(Settings.EPOCHS, epochs)
                .with(Settings.DEVICE, "cpu").with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05)
                .with(Settings.SEED, 3L).with(Settings.SHOTS, 6).with(Settings.VAL_FRACTION, 0.2)
                .withValue(ParameterRegistry.get("mapping.class_names"), String.join(",", CLOTHES));
    }

    /**
     * A descriptions run (top 2 of two or three descriptions per class) whose descriptions file is
     * written to FILE.
     */
    public static RunSpec descriptions(Path file, int epochs) throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (int c = 0; c < CLOTHES.size(); c++) {
            String n = CLOTHES.get(c);
            json.append(c == 0 ? "" : ", ").append('"').append(n).append("\": [\"a photo of a ").append(n)
                    .append(".\", \"a ").append(n).append(" on a plain background.\"")
                    .append(c % 2 == 0 ? ", \"a dark " + n + ".\"" : "").append(']');
        }
        Files.writeString(file, json.append('}').toString());
        return config("descriptions", epochs).withValue(ParameterRegistry.get("mapping.descriptions"), file.toString())
                .withValue(ParameterRegistry.get("mapping.top_k"), 2);
    }
}
