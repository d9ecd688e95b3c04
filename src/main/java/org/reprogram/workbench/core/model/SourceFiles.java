package org.reprogram.workbench.core.model;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;

/**
 * The files that make a source model, wherever they are: a built-in model's folder
 * ({@code model.json}, {@code weights.params}, optional {@code MODEL_CARD.md}) or a TorchScript
 * file with its sidecar. A run names its source by spec ("builtin:NAME" or a .pt path); an
 * exported bundle carries the files themselves and opens them from where it unpacked them.
 *
 * @param builtin true for a built-in (DJL) model, false for TorchScript
 * @param location the built-in model's folder, or the .pt file
 */
public record SourceFiles(boolean builtin, Path location) {

    /** The built-in model's own description, copied into bundles when present. */
    public static final String MODEL_CARD_MD = "MODEL_CARD.md";

    /**
     * The files of SPEC as a run recorded it; a missing model is a {@link UserInputException}
     * naming it, WHO (the run or file that needs it) and the fix.
     */
    public static SourceFiles resolve(String spec, String who) {
        Path vlm = SourceModels.visionLanguageFile(spec);
        if (vlm != null) {
            return new SourceFiles(false, vlm);
        }
        if (spec == null || spec.isBlank() || spec.equals("builtin") || spec.startsWith("builtin:")) {
            String name = spec == null || !spec.startsWith("builtin:") ? SourceModels.DEFAULT_BUILTIN
                    : spec.substring("builtin:".length());
            Path dir = SourceModels.builtinDir(name);
            if (!Files.isRegularFile(dir.resolve(BuiltinSourceModel.WEIGHTS_FILE))) {
                throw UserInputException.forFile(dir.resolve(BuiltinSourceModel.WEIGHTS_FILE), "the built-in source"
                        + " model of " + who + " is missing its weights", "restore assets/models/" + name
                        + " from the repository (or run 'pretrain')");
            }
            return new SourceFiles(true, dir);
        }
        if (SourceModels.isModelFolder(spec)) {
            return new SourceFiles(true, Path.of(spec));
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw UserInputException.forFile(file, "the source model of " + who + " is missing", "put the TorchScript"
                    + " file (and its .json sidecar) back at this path, or run the command from the folder the run was"
                    + " trained in; to use the run elsewhere, export a bundle (export RUN_DIR --out FILE.zip) where the"
                    + " model is and predict from the bundle");
        }
        if (!Files.isRegularFile(TorchScriptSourceModel.sidecarOf(file))) {
            throw UserInputException.forFile(TorchScriptSourceModel.sidecarOf(file), "the sidecar of the source model"
                    + " of " + who + " is missing", "put the .pt.json file back next to " + file.getFileName());
        }
        return new SourceFiles(false, file);
    }

    /** The files to copy, with their names inside a model folder. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        if (builtin) {
            out.add(location.resolve(BuiltinSourceModel.CARD_FILE));
            out.add(location.resolve(BuiltinSourceModel.WEIGHTS_FILE));
            if (Files.isRegularFile(location.resolve(MODEL_CARD_MD))) {
                out.add(location.resolve(MODEL_CARD_MD));
            }
        } else {
            out.add(location);
            out.add(TorchScriptSourceModel.sidecarOf(location));
            ModelCard card = card();
            if (card.isVisionLanguage()) {
                out.add(VisionLanguageSidecar.tokenizerOf(location, card.visionLanguage()));
                if (Files.isRegularFile(location.resolveSibling(MODEL_CARD_MD))) {
                    out.add(location.resolveSibling(MODEL_CARD_MD));
                }
            }
        }
        return out;
    }

    /**
     * The names of {@link #files()} inside a copy of the model's folder (a bundle's {@code model/}, a
     * study's shipped zip), in the same order: each file's name, a vision-language model's tokenizer at
     * the path its sidecar names (relative to the .pt file, so the copied sidecar finds it). A tokenizer
     * outside the model's folder cannot be copied so: a {@link UserInputException} with the fix.
     */
    public List<String> entryNames() {
        List<Path> files = files();
        List<String> names = new ArrayList<>();
        ModelCard card = builtin ? null : card();
        Path tokenizer = card != null && card.isVisionLanguage()
                ? VisionLanguageSidecar.tokenizerOf(location, card.visionLanguage()) : null;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (f.equals(tokenizer)) {
                Path rel = Path.of(card.visionLanguage().tokenizer()).normalize();
                if (rel.isAbsolute() || rel.startsWith("..") || rel.toString().isEmpty()) {
                    throw UserInputException.forFile(TorchScriptSourceModel.sidecarOf(location), "its \"tokenizer\" ("
                            + card.visionLanguage().tokenizer() + ") is outside the model's folder, so the model cannot"
                            + " be copied with it", "put the tokenizer file next to the .pt file (or in a folder below"
                            + " it) and name it so in the sidecar, e.g. \"tokenizer\": \"tokenizer.json\"");
                }
                name = rel.toString().replace('\\', '/');
            }
            if (names.contains(name)) {
                throw UserInputException.forFile(f, "has the same name as another file of the source model (" + name
                        + ")", "give the model's files distinct names");
            }
            names.add(name);
        }
        return names;
    }

    /** The card without loading weights. */
    public ModelCard card() {
        if (builtin) {
            return Json.read(location.resolve(BuiltinSourceModel.CARD_FILE), ModelCard.class,
                    "restore the built-in model's folder from the repository");
        }
        return TorchScriptSourceModel.readSidecar(location);
    }

    /** Loads the model on DEVICE (frozen, inference mode), as training does; a vision-language one through PROMPTS. */
    public SourceModel open(Device device, PromptSet prompts) {
        return builtin ? BuiltinSourceModel.load(location, device) : SourceModels.open(location.toString(), device,
                prompts);
    }
}
