package org.reprogram.workbench.core.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.data.RasterImage;

/**
 * A few example images of each source class, shown beside the label mapping so that
 * "0 ← Trouser" shows trousers. Built-in models keep them in {@code assets/models/NAME/examples/};
 * a TorchScript sidecar names a folder with {@code "examples": "DIR"} (relative to the sidecar).
 * Either folder holds one subfolder per source class, named by the class's index in
 * {@code classNames} (0, 1, ...; names can hold characters a folder name cannot, like
 * "T-shirt/top"), with PNG/JPEG/BMP/GIF files, the first N by file name taken.
 * Loading never fails: what cannot be used is skipped and described in {@link #warning()}.
 *
 * @param images per source class, up to N decoded images (CHW floats in [0, 1], longer side at
 *     most {@link #MAX_SIDE}); an empty list for a class without examples
 * @param warning null, or why some or all pictures are missing ("FILE: problem. Fix: ...")
 */
public record SourceExamples(List<List<RasterImage>> images, String warning) {

    /** The sidecar key naming the examples folder. */
    public static final String KEY = "examples";

    /** The examples folder of a built-in model, inside its folder. */
    public static final String BUILTIN_FOLDER = "examples";

    /** Examples are for thumbnails: larger files are box-halved to at most this side on load. */
    public static final int MAX_SIDE = 64;

    /** Unreadable files or unmatched folders named in a warning; the others are counted. */
    private static final int MAX_LISTED = 5;

    public SourceExamples {
        images = images.stream().map(List::copyOf).toList();
    }

    /** No pictures for any of NUMCLASSES classes, with an optional WARNING. */
    public static SourceExamples none(int numClasses, String warning) {
        List<List<RasterImage>> empty = new ArrayList<>();
        for (int i = 0; i < numClasses; i++) {
            empty.add(List.of());
        }
        return new SourceExamples(empty, warning);
    }

    /**
     * Up to PERCLASS examples per class of the source SPEC ("builtin", "builtin:NAME" or a .pt
     * path, as {@link SourceModels#open}). A built-in model without an examples folder and a sidecar
     * without the key have no pictures and no warning; a problem with the model's card or sidecar
     * itself gives no pictures and its message as the warning.
     */
    public static SourceExamples forSpec(String spec, int perClass) {
        ModelCard card;
        try {
            card = SourceModels.card(spec);
        } catch (UserInputException e) {
            return none(0, e.getMessage());
        }
        if (spec == null || spec.isBlank() || spec.equals("builtin") || spec.startsWith("builtin:")) {
            Path dir;
            try {
                dir = SourceModels.builtinDir(card.name()).resolve(BUILTIN_FOLDER);
            } catch (UserInputException e) {
                return none(card.numClasses(), e.getMessage());
            }
            return Files.isDirectory(dir) ? fromFolder(dir, card.classNames(), perClass, dir)
                    : none(card.numClasses(), null);
        }
        Path sidecar = TorchScriptSourceModel.sidecarOf(Path.of(spec));
        JsonElement value;
        try {
            value = Json.read(sidecar, JsonObject.class, "fix the sidecar's JSON").get(KEY);
        } catch (UserInputException e) {
            return none(card.numClasses(), e.getMessage());
        }
        if (value == null || value.isJsonNull()) {
            return none(card.numClasses(), null);
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString() || value.getAsString().isBlank()) {
            return none(card.numClasses(), sidecar + ": \"" + KEY + "\" must be a folder name, got " + value
                    + ". Fix: write e.g. \"" + KEY + "\": \"examples\" (a folder next to the sidecar)");
        }
        Path dir;
        try {
            dir = sidecar.toAbsolutePath().getParent().resolve(value.getAsString()).normalize();
        } catch (InvalidPathException e) {
            return none(card.numClasses(), sidecar + ": \"" + KEY + "\" is not a valid path (" + e.getMessage()
                    + "). Fix: name a folder next to the sidecar");
        }
        return fromFolder(dir, card.classNames(), perClass, sidecar);
    }

    /**
     * Up to PERCLASS examples per class of CLASSNAMES from DIR/&lt;class index&gt;/; problems are
     * reported against DECLAREDIN (the sidecar that names DIR, or DIR itself).
     */
    public static SourceExamples fromFolder(Path dir, List<String> classNames, int perClass, Path declaredIn) {
        int k = classNames.size();
        String where = declaredIn.equals(dir) ? dir + ": " : declaredIn + ": \"" + KEY + "\" folder " + dir + " ";
        if (!Files.isDirectory(dir)) {
            return none(k, where + "not found. Fix: create it with one subfolder per source class named by its index ("
                    + indexHint(classNames) + ")"
                    + (declaredIn.equals(dir) ? "" : ", or remove the \"" + KEY + "\" key"));
        }
        List<List<Path>> files = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            files.add(new ArrayList<>());
        }
        List<String> unmatched = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path sub : s.filter(Files::isDirectory).sorted().toList()) {
                String name = sub.getFileName().toString();
                int index = name.matches("\\d{1,9}") ? Integer.parseInt(name) : -1;
                if (index >= 0 && index < k) {
                    files.get(index).addAll(imageFiles(sub));
                } else if (!name.startsWith(".")) {
                    unmatched.add(name);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return none(k, where + "cannot be listed (" + e.getMessage() + "). Fix: check its permissions");
        }
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (files.stream().allMatch(List::isEmpty)) {
            String found = unmatched.isEmpty() ? "no class subfolders with images"
                    : "no subfolder named by a source class index 0.." + (k - 1) + " (found: "
                            + listed(unmatched, unmatched.size()) + ")";
            return none(k, where + "has " + found + ". Fix: put the images of each source class in a subfolder named"
                    + " by its index (" + indexHint(classNames) + ")");
        }
        if (!unmatched.isEmpty()) {
            problems.add("ignored subfolders that are not a source class index 0.." + (k - 1) + ": "
                    + listed(unmatched, unmatched.size()));
            fixes.add("rename such a subfolder to the index of its class or remove it");
        }
        List<List<RasterImage>> images = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (List<Path> classFiles : files) {
            List<RasterImage> decoded = new ArrayList<>();
            for (Path f : classFiles) {
                if (decoded.size() >= perClass) {
                    break;
                }
                try {
                    decoded.add(ImageDecoder.read(f).bounded(MAX_SIDE));
                } catch (ImageDecoder.UnreadableImageException e) {
                    unreadable.add(dir.relativize(f) + " (" + e.problem() + ")");
                }
            }
            images.add(decoded);
        }
        if (!unreadable.isEmpty()) {
            problems.add("skipped unreadable images: " + listed(unreadable, unreadable.size()));
            fixes.add("re-save these files as PNG or JPEG or remove them");
        }
        return new SourceExamples(images, problems.isEmpty() ? null : where + String.join("; ", problems)
                + ". Fix: " + String.join("; ", fixes));
    }

    /** The examples of source class I (empty when there are none or I is out of range). */
    public List<RasterImage> of(int i) {
        return i >= 0 && i < images.size() ? images.get(i) : List.of();
    }

    /** True when no class has a picture. */
    public boolean isEmpty() {
        return images.stream().allMatch(List::isEmpty);
    }

    private static List<Path> imageFiles(Path classDir) throws IOException {
        try (Stream<Path> s = Files.list(classDir)) {
            return s.filter(Files::isRegularFile).filter(ImageDecoder::isImageFile).sorted().toList();
        }
    }

    private static String indexHint(List<String> classNames) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, classNames.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(i).append(" = ").append(classNames.get(i));
        }
        return b.append(classNames.size() > 3 ? ", ..." : "").toString();
    }

    private static String listed(List<String> items, int total) {
        String shown = String.join(", ", items.subList(0, Math.min(MAX_LISTED, items.size())));
        return total > MAX_LISTED ? shown + " and " + (total - MAX_LISTED) + " more" : shown;
    }
}
