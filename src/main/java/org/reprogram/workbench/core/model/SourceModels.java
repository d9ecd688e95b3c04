package org.reprogram.workbench.core.model;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;

/**
 * Resolves a source spec ("builtin", "builtin:NAME", a .pt path, or the path of a built-in model's
 * folder, as a study's executor unpacks a shipped one) to a loaded model.
 */
public final class SourceModels {

    public static final String DEFAULT_BUILTIN = "fmnist-cnn";

    /** The module of a vision-language model folder (its sidecar {@code model.pt.json}, its tokenizer beside it). */
    public static final String VLM_FILE = "model.pt";

    private SourceModels() {}

    /** The classifier SPEC names; a vision-language model is refused (it needs prompts: {@link #open(String, Device, PromptSet)}). */
    public static SourceModel open(String spec, Device device) {
        return open(spec, device, null);
    }

    /**
     * The model SPEC names on DEVICE: a classifier as it is, a vision-language model read through
     * PROMPTS (its classes are the prompts; null PROMPTS for one is a {@link UserInputException}).
     */
    public static SourceModel open(String spec, Device device, PromptSet prompts) {
        Path vlm = visionLanguageFile(spec);
        if (vlm != null) {
            if (prompts == null) {
                throw UserInputException.forFile(vlm, "is a vision-language model: its classes are the prompts of a"
                        + " text label mapping", "choose --mapping text, text-ilm, text-blm or descriptions");
            }
            return PromptClassifier.of(VisionLanguageModel.load(vlm, device), prompts);
        }
        if (spec == null || spec.isBlank() || spec.equals("builtin")) {
            return BuiltinSourceModel.load(builtinDir(DEFAULT_BUILTIN), device);
        }
        if (spec.startsWith("builtin:")) {
            return BuiltinSourceModel.load(builtinDir(spec.substring("builtin:".length())), device);
        }
        if (isModelFolder(spec)) {
            return BuiltinSourceModel.load(Path.of(spec), device);
        }
        return TorchScriptSourceModel.load(Path.of(spec), device);
    }

    /** The vision-language model SPEC names, loaded alone (checks, zero-shot, the linear probe). */
    public static VisionLanguageModel openVisionLanguage(String spec, Device device) {
        Path vlm = visionLanguageFile(spec);
        if (vlm == null) {
            throw new UserInputException("source '" + spec + "' is not a vision-language model. Fix: give one"
                    + " (builtin:fmnist-clip, or a .pt file whose sidecar says \"kind\": \"vision-language\")");
        }
        return VisionLanguageModel.load(vlm, device);
    }

    /** True when SPEC names a vision-language model (checked from its sidecar; nothing is loaded). */
    public static boolean isVisionLanguage(String spec) {
        return visionLanguageFile(spec) != null;
    }

    /**
     * The .pt file of the vision-language model SPEC names ("builtin:NAME" of a folder holding
     * {@value #VLM_FILE} with a vision-language sidecar, such a folder's path, or a .pt file whose
     * sidecar says so), or null for a classifier.
     */
    public static Path visionLanguageFile(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("builtin")) {
            return null;
        }
        try {
            Path p;
            if (spec.startsWith("builtin:")) {
                p = AppPaths.models().resolve(spec.substring("builtin:".length())).resolve(VLM_FILE);
            } else {
                p = Path.of(spec);
                if (Files.isDirectory(p)) {
                    p = p.resolve(VLM_FILE);
                }
            }
            return VisionLanguageSidecar.declares(TorchScriptSourceModel.sidecarOf(p)) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** True when SPEC is the path of a folder holding a built-in model (model.json and its weights). */
    public static boolean isModelFolder(String spec) {
        try {
            Path dir = Path.of(spec);
            return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(BuiltinSourceModel.CARD_FILE));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Card of a spec without loading weights (for pickers and validation). */
    public static ModelCard card(String spec) {
        Path vlm = visionLanguageFile(spec);
        if (vlm != null) {
            return VisionLanguageSidecar.read(vlm, TorchScriptSourceModel.sidecarOf(vlm));
        }
        if (spec == null || spec.isBlank() || spec.equals("builtin") || spec.startsWith("builtin:")) {
            String name = spec == null || !spec.startsWith("builtin:") ? DEFAULT_BUILTIN : spec.substring(8);
            return Json.read(builtinDir(name).resolve(BuiltinSourceModel.CARD_FILE), ModelCard.class,
                    "restore assets/models from the repository");
        }
        if (isModelFolder(spec)) {
            return Json.read(Path.of(spec).resolve(BuiltinSourceModel.CARD_FILE), ModelCard.class,
                    "unpack the model folder again");
        }
        return TorchScriptSourceModel.readSidecar(Path.of(spec));
    }

    public static Path builtinDir(String name) {
        Path dir = AppPaths.models().resolve(name);
        if (!Files.isDirectory(dir)) {
            org.reprogram.workbench.core.AtomicFolder.recover(dir); // a pretrain killed between its two renames
        }
        if (!Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "no built-in model named '" + name + "'",
                    "run the 'models' command to list the built-in models (" + String.join(", ", builtinNames()) + ")");
        }
        return dir;
    }

    /** Names of the models under assets/models that have a card. */
    public static List<String> builtinNames() {
        List<String> names = new ArrayList<>();
        Path root = AppPaths.models();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(BuiltinSourceModel.CARD_FILE))
                            || VisionLanguageSidecar.declares(TorchScriptSourceModel.sidecarOf(d.resolve(VLM_FILE))))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            throw UserInputException.forFile(root, "cannot list models (" + e.getMessage() + ")", null, e);
        }
        return names;
    }

    public static List<ModelCard> builtinCards() {
        List<ModelCard> cards = new ArrayList<>();
        for (String name : builtinNames()) {
            cards.add(card("builtin:" + name));
        }
        return cards;
    }
}
