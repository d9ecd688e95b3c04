package org.reprogram.workbench.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Replaces a folder as a whole (a model folder: weights, model.json, model card). The new content
 * is written into a hidden sibling folder ({@code .NAME.new-RANDOM}); only when it is complete is
 * the old folder renamed aside ({@code .NAME.old-RANDOM}) and the new one renamed into place, each
 * rename atomic where the file system allows, then the old one is deleted. A failure while writing
 * leaves the old folder untouched; a failure of the second rename puts the old folder back. No
 * file system renames a non-empty folder over another in one step, so between the two renames
 * (microseconds) the folder is absent; after a crash exactly there the old content is in the
 * {@code .NAME.old-*} sibling.
 */
public final class AtomicFolder {

    /** Writes the new folder's files into DIR (an empty folder next to the target). */
    public interface Filler {
        void fill(Path dir) throws IOException;
    }

    private AtomicFolder() {}

    /** Builds TARGET's new content with FILL in a sibling folder, then swaps it in. */
    public static void replace(Path target, Filler fill) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String name = abs.getFileName().toString();
        Path fresh = createSibling(parent, "." + name + ".new-");
        try {
            fill.fill(fresh);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(fresh);
            throw e;
        }
        swap(fresh, abs, parent, name);
    }

    private static void swap(Path fresh, Path target, Path parent, String name) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                AtomicFiles.move(fresh, target);
            } catch (IOException e) {
                deleteTree(fresh);
                throw e;
            }
            return;
        }
        Path old = parent.resolve("." + name + ".old-" + random());
        try {
            AtomicFiles.move(target, old);
        } catch (IOException e) {
            deleteTree(fresh);
            throw e;
        }
        try {
            AtomicFiles.move(fresh, target);
        } catch (IOException e) {
            AtomicFiles.move(old, target); // put the old folder back
            deleteTree(fresh);
            throw e;
        }
        deleteTree(old);
    }

    private static Path createSibling(Path parent, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(parent.resolve(prefix + random()));
            } catch (FileAlreadyExistsException taken) {
                // try another name
            }
        }
    }

    private static String random() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** Deletes DIR and everything in it (links are deleted, not followed); a missing DIR is fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
