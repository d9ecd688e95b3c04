package org.reprogram.workbench.core.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.reprogram.workbench.core.data.ImageDecoder;

/**
 * The images a prediction reads, from what the user named: a file is taken as it is (a file that
 * is no image, or is no regular file at all, fails on its own, the others go on), a folder is walked recursively in sorted order
 * for regular PNG/JPEG/BMP/GIF files (hidden files and folders skipped). An image inside a folder named
 * like a target class ({@code .../test/7/0012.png}) carries that class, so a prediction over a
 * run's test folder reports its accuracy.
 */
public final class ImageInputs {

    /**
     * One image to predict.
     *
     * @param file the file
     * @param trueClass the target class its folder names, -1 when none
     * @param problem why it cannot be read before trying (an empty or unlistable folder), else null
     */
    public record Input(Path file, int trueClass, String problem) {}

    private ImageInputs() {}

    /** The images under PATHS, in the order given (folders sorted), labelled by TARGETCLASSES. */
    public static List<Input> expand(List<Path> paths, List<String> targetClasses) {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                // a FIFO, device or socket is never read: reading a FIFO waits for a writer forever
                out.add(new Input(p, classOf(p, targetClasses), Files.exists(p) && !Files.isRegularFile(p)
                        ? p + ": is not a regular file (a FIFO, device or socket). Fix: give image files or a folder"
                                + " of them" : null));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(p)) {
                files = walk.filter(f -> !hidden(p, f)).filter(Files::isRegularFile).filter(ImageDecoder::isImageFile)
                        .sorted(ImageInputs::byComponents).toList();
            } catch (IOException | UncheckedIOException e) {
                out.add(new Input(p, -1, p + ": cannot list the folder (" + e.getMessage() + "). Fix: check its"
                        + " permissions"));
                continue;
            }
            if (files.isEmpty()) {
                out.add(new Input(p, -1, p + ": the folder holds no PNG/JPEG/BMP/GIF images. Fix: give image files"
                        + " or a folder of them"));
            }
            for (Path f : files) {
                out.add(new Input(f, classOf(f, targetClasses), null));
            }
        }
        return out;
    }

    /** The index of the target class named by FILE's folder, -1 when none. */
    public static int classOf(Path file, List<String> targetClasses) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? -1
                : targetClasses.indexOf(parent.getFileName().toString());
    }

    /**
     * Folder by folder, name by name: the order in which the dataset loader reads a class folder
     * layout (sorted class names, then sorted files), so a run's test folder is batched as the
     * evaluator batched it ("cat/x.png" before "cat-big/x.png", unlike a plain path comparison).
     */
    static int byComponents(Path a, Path b) {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            boolean folders = i < a.getNameCount() - 1 && i < b.getNameCount() - 1; // class names: sorted as strings
            int c = folders ? a.getName(i).toString().compareTo(b.getName(i).toString())
                    : a.getName(i).compareTo(b.getName(i)); // files in a folder: as the loader sorts them
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    }

    /** True for a hidden file or a file in a hidden folder below ROOT. */
    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
