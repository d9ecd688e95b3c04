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

    private SourceModels() {}

    public static SourceModel open(String spec, Device device) {
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
            dirs.filter(d -> Files.isRegularFile(d.resolve(BuiltinSourceModel.CARD_FILE)))
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
