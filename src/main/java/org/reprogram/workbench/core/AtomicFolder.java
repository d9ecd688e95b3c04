package org.reprogram.workbench.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Replaces a folder as a whole (a model folder: weights, model.json, model card). The new content
 * is written into a hidden sibling folder ({@code .NAME.new-RANDOM}), together with the old
 * folder's other files (what the new content does not replace: example pictures, a user's notes);
 * only when it is complete is the old folder renamed aside ({@code .NAME.old-RANDOM}) and the new
 * one renamed into place, each rename atomic where the file system allows, then the old one is
 * deleted. A failure while writing leaves the old folder untouched; a failure of the second rename
 * puts the old folder back. No file system renames a non-empty folder over another in one step, so
 * between the two renames (microseconds) the folder is absent; after a crash exactly there the old
 * content is in the {@code .NAME.old-*} sibling, and {@link #recover} (called by the next replace
 * and by whoever opens the folder) puts it back.
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
        recover(abs);
        Path fresh = createSibling(parent, "." + name + ".new-");
        try {
            fill.fill(fresh);
            keepOthers(abs, fresh);
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
        FaultPoints.reach("between-folder-renames");
        try {
            AtomicFiles.move(fresh, target);
        } catch (IOException e) {
            AtomicFiles.move(old, target); // put the old folder back
            deleteTree(fresh);
            throw e;
        }
        deleteTree(old);
    }

    /**
     * Puts TARGET back after a crash between the two renames of {@link #replace} (TARGET missing,
     * its old content in {@code .NAME.old-*}: the newest one is renamed back), and removes the
     * leftovers of a replace that had already swapped ({@code .NAME.old-*} next to TARGET) or was
     * killed while writing ({@code .NAME.new-*} untouched for {@link AtomicFiles#STALE_MILLIS}).
     * Returns true when it put TARGET back.
     */
    public static boolean recover(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return false;
        }
        String name = abs.getFileName().toString();
        List<Path> old = siblings(parent, "." + name + ".old-");
        boolean restored = false;
        try {
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !old.isEmpty()) {
                Path newest = old.get(old.size() - 1);
                AtomicFiles.move(newest, abs);
                old = old.subList(0, old.size() - 1);
                restored = true;
            }
            for (Path o : old) {
                deleteTree(o);
            }
            long before = System.currentTimeMillis() - AtomicFiles.STALE_MILLIS;
            for (Path n : siblings(parent, "." + name + ".new-")) {
                if (Files.getLastModifiedTime(n).toMillis() < before) {
                    deleteTree(n);
                }
            }
        } catch (IOException e) {
            // best effort: the caller's own check names what is missing
        }
        return restored;
    }

    /** PARENT's folders whose names start with PREFIX, oldest first. */
    private static List<Path> siblings(Path parent, String prefix) {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparingLong(AtomicFolder::modified)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Copies (hard-links where it can) what TARGET holds and FRESH does not into FRESH. */
    private static void keepOthers(Path target, Path fresh) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path p : all.sorted().toList()) {
                Path rel = target.relativize(p);
                if (rel.toString().isEmpty()) {
                    continue;
                }
                Path dest = fresh.resolve(rel.toString());
                if (replacedAbove(fresh, rel) || Files.exists(dest, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // written by the new content
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                } else {
                    link(p, dest);
                }
            }
        }
    }

    /** True when a file of the new content sits where a parent folder of REL would go. */
    private static boolean replacedAbove(Path fresh, Path rel) {
        for (Path p = rel.getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(fresh.resolve(p.toString()), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    private static void link(Path src, Path dest) throws IOException {
        try {
            Files.createLink(dest, src);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(src, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
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

    /**
     * As {@link #deleteTree}, best effort: what cannot be deleted stays (a temporary folder, which the
     * operating system cleans eventually).
     */
    public static void deleteTreeQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // best effort
        }
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
