package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.ImageDecoder;

/**
 * {@value #FILE}: what the target data looked like when the run started, so that {@code resume}
 * refuses data that changed since (a checkpoint's mapping has one column per class; a run that
 * continues on other images is not the run it claims to be). Cheap: names and sizes only, no
 * file is read. Per folder of images (a class folder, {@code train/CLASS}, {@code test/CLASS}; ""
 * for IDX files at the top) the number of files, their total size and a SHA-256 of their relative
 * names and sizes. Hidden files and files the loaders skip (not images, not IDX) do not count.
 *
 * @param target the target folder as the run named it
 * @param folders per folder of images (relative path, "/"-separated), what it held
 */
public record TargetFingerprint(String target, Map<String, Folder> folders) {

    public static final String FILE = "target-fingerprint.json";

    /** One folder of images: how many, how many bytes, and a hash of their names and sizes. */
    public record Folder(int files, long bytes, String sha256) {}

    /**
     * Records TARGET's fingerprint in run folder DIR. A target that is not a folder, or that cannot
     * be walked, gets none (the run does not fail for it; resume then checks only the class list).
     */
    public static void write(Path dir, Path target) throws IOException {
        TargetFingerprint f;
        try {
            f = Files.isDirectory(target) ? of(target) : null;
        } catch (IOException | RuntimeException e) {
            f = null;
        }
        if (f != null) {
            Json.write(dir.resolve(FILE), f);
        }
    }

    /**
     * Refuses to resume run DIR when TARGET no longer holds what the run's fingerprint lists;
     * a run written before fingerprints existed (no {@value #FILE}) passes.
     */
    public static void check(Path dir, Path target) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file) || !Files.isDirectory(target)) {
            return; // no fingerprint; a missing target gets the loader's own error
        }
        TargetFingerprint then = Json.read(file, TargetFingerprint.class, "delete " + FILE + " to resume without"
                + " the data check");
        TargetFingerprint now;
        try {
            now = of(target);
        } catch (IOException e) {
            return; // the loader names the unreadable folder
        }
        List<String> changes = then.changesTo(now);
        if (!changes.isEmpty()) {
            throw UserInputException.forFile(target, "changed since run " + dir + " started ("
                    + String.join("; ", changes) + "); resuming would continue the run on other data", "put the"
                    + " target data back as it was (" + file + " lists it), or start a new run with train");
        }
    }

    /** What changed from this fingerprint to NOW, in words (empty when nothing did). */
    List<String> changesTo(TargetFingerprint now) {
        List<String> out = new ArrayList<>();
        Map<String, Folder> before = folders == null ? Map.of() : folders;
        for (Map.Entry<String, Folder> e : before.entrySet()) {
            Folder n = now.folders().get(e.getKey());
            String name = e.getKey().isEmpty() ? "the IDX files" : "'" + e.getKey() + "'";
            if (n == null) {
                out.add(name + " is gone");
            } else if (n.files() != e.getValue().files()) {
                out.add(name + " has " + n.files() + " images, had " + e.getValue().files());
            } else if (n.bytes() != e.getValue().bytes() || !n.sha256().equals(e.getValue().sha256())) {
                out.add(name + " has images renamed, replaced or changed in size");
            }
        }
        for (String added : now.folders().keySet()) {
            if (!before.containsKey(added)) {
                out.add("'" + added + "' is new");
            }
        }
        return out.size() > 5 ? List.of(String.join("; ", out.subList(0, 5)), "and " + (out.size() - 5) + " more")
                : out;
    }

    /** The fingerprint of TARGET as it is now. */
    static TargetFingerprint of(Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Map<String, List<String>> lines = new TreeMap<>();
        Map<String, long[]> sums = new TreeMap<>();
        // the image-folder loader's layout: train/CLASS and test/CLASS when both exist, else CLASS
        boolean presplit = Files.isDirectory(root.resolve("train")) && Files.isDirectory(root.resolve("test"));
        try (Stream<Path> all = Files.walk(root, 3, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = root.relativize(p);
                if (!counts(rel, p, presplit)) {
                    continue;
                }
                String folder = rel.getParent() == null ? "" : rel.getParent().toString().replace('\\', '/');
                long size = Files.size(p);
                lines.computeIfAbsent(folder, k -> new ArrayList<>()).add(rel.getFileName() + "\t" + size);
                long[] s = sums.computeIfAbsent(folder, k -> new long[2]);
                s[0]++;
                s[1] += size;
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Folder> folders = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : lines.entrySet()) {
            long[] s = sums.get(e.getKey());
            folders.put(e.getKey(), new Folder((int) s[0], s[1], sha256(String.join("\n", e.getValue()))));
        }
        return new TargetFingerprint(target.toString(), folders);
    }

    /**
     * Files the loaders read: images directly in a class folder (CLASS/, or train/CLASS/ and
     * test/CLASS/ when PRESPLIT; not in its subfolders), IDX files at the top; nothing hidden.
     */
    private static boolean counts(Path rel, Path file, boolean presplit) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        if (rel.getNameCount() == 1) {
            String n = rel.toString();
            return n.contains("idx") || n.contains("ubyte");
        }
        boolean inClassFolder = presplit
                ? rel.getNameCount() == 3 && List.of("train", "test").contains(rel.getName(0).toString())
                : rel.getNameCount() == 2;
        return inClassFolder && ImageDecoder.isImageFile(file);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
