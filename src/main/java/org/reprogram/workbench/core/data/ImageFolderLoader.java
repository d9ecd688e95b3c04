package org.reprogram.workbench.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.reprogram.workbench.core.UserInputException;

/**
 * Reads {@code DIR/train/<class>/*} + {@code DIR/test/<class>/*}, or {@code DIR/<class>/*}
 * split per class into train/test by seed. Class names are the sorted folder names.
 */
public final class ImageFolderLoader {

    private static final String LAYOUT_FIX =
            "arrange images as DIR/<class>/<image> or DIR/train/<class>/<image> + DIR/test/<class>/<image>";

    private ImageFolderLoader() {}

    public static TargetDataset load(Path dir, long seed, double testFraction) {
        return load(dir, seed, testFraction, DataMemory.defaultBytes());
    }

    /** As above; images beyond BUDGET bytes (compact form) are decoded from disk per batch instead. */
    public static TargetDataset load(Path dir, long seed, double testFraction, long budget) {
        return load(dir, seed, testFraction, budget, false);
    }

    /**
     * As above; with SKIPBAD an unreadable image is left out and listed in
     * {@link TargetDataset#skippedImages()} instead of refusing the folder.
     */
    public static TargetDataset load(Path dir, long seed, double testFraction, long budget, boolean skipBad) {
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        boolean presplit = Files.isDirectory(trainDir) && Files.isDirectory(testDir);
        List<String> classes = classFolders(presplit ? trainDir : dir);
        if (classes.size() < 2) {
            throw UserInputException.forFile(presplit ? trainDir : dir, "needs at least two class folders, found "
                    + classes.size(), LAYOUT_FIX);
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        Decoded decoded = new Decoded(budget, dir, skipBad);
        if (presplit) {
            for (String c : classFolders(testDir)) {
                if (!classes.contains(c)) {
                    throw UserInputException.forFile(testDir.resolve(c), "test class '" + c + "' has no train folder",
                            "add " + trainDir.resolve(c) + " or remove the test folder");
                }
            }
            Listed train = list(trainDir, classes, true);
            Listed test = list(testDir, classes, false);
            List<Split> splits = decoded.decode(List.of(train, test));
            requireEachClass(trainDir, classes, splits.get(0), decoded);
            return new TargetDataset(name, dir, "imagefolder", classes, splits.get(0), splits.get(1), false,
                    decoded.storage(), decoded.skipped());
        }
        Listed listed = list(dir, classes, true);
        Split all = decoded.decode(List.of(listed)).get(0);
        requireEachClass(dir, classes, all, decoded);
        int[][] parts = splitPerClass(all.labels(), classes.size(), testFraction, seed);
        return new TargetDataset(name, dir, "imagefolder", classes, all.subset(parts[0]), all.subset(parts[1]), true,
                decoded.storage(), decoded.skipped());
    }

    /** After skipping unreadable images, every class folder of ROOT still needs one image. */
    private static void requireEachClass(Path root, List<String> classes, Split split, Decoded decoded) {
        boolean[] seen = new boolean[classes.size()];
        for (int l : split.labels()) {
            seen[l] = true;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw UserInputException.forFile(root.resolve(classes.get(c)), "class folder has no readable images ("
                        + decoded.skipped().size() + " unreadable images skipped in the dataset)",
                        "add readable images or remove the folder");
            }
        }
    }

    static List<String> classFolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "folder not found", LAYOUT_FIX);
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).forEach(names::add);
            Collections.sort(names);
            return names;
        } catch (IOException e) {
            throw UserInputException.forFile(dir, "cannot list folder (" + e.getMessage() + ")", null, e);
        }
    }

    private record Listed(List<Path> files, int[] labels) {}

    private static Listed list(Path root, List<String> classes, boolean requireEach) {
        List<Path> all = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path cdir = root.resolve(classes.get(c));
            if (!Files.isDirectory(cdir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(cdir)) {
                files = s.filter(Files::isRegularFile).filter(ImageDecoder::isImageFile).sorted().toList();
            } catch (IOException e) {
                throw UserInputException.forFile(cdir, "cannot list folder (" + e.getMessage() + ")", null, e);
            }
            if (files.isEmpty() && requireEach) {
                throw UserInputException.forFile(cdir, "class folder has no PNG/JPEG/BMP/GIF images",
                        "add images or remove the folder");
            }
            for (Path f : files) {
                all.add(f);
                labels.add(c);
            }
        }
        if (all.isEmpty()) {
            throw UserInputException.forFile(root, "contains no images", LAYOUT_FIX);
        }
        return new Listed(all, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Unreadable files named in the one error of a load; the others are counted. */
    static final int MAX_LISTED_FAILURES = 20;

    /** How a refused load says to go on without the unreadable files. */
    static final String SKIP_HINT = "or leave unreadable images out with --skip-bad-images (in the window: the"
            + " 'Skip unreadable images' box under the target folder)";

    /**
     * Decodes every file once (a broken file is named at load time, not mid-run) into compact
     * memory while the total stays within the budget; past it, the images stay on disk and are
     * decoded per batch ({@link ImageFiles}). Every unreadable file is found in the same pass and
     * reported in one error (the first {@link #MAX_LISTED_FAILURES} by name and reason), or, when
     * skipping, left out and listed.
     */
    private static final class Decoded {
        private final long budget;
        private final Path root;
        private final boolean skip;
        private long bytes;
        private boolean streaming;
        private final List<ImageDecoder.UnreadableImageException> failures = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private int failed;

        Decoded(long budget, Path root, boolean skip) {
            this.budget = budget;
            this.root = root;
            this.skip = skip;
        }

        List<Split> decode(List<Listed> lists) {
            List<CompactImages> stores = new ArrayList<>();
            List<List<Path>> keptFiles = new ArrayList<>();
            List<List<Integer>> keptLabels = new ArrayList<>();
            for (Listed listed : lists) {
                CompactImages store = new CompactImages();
                stores.add(store);
                List<Path> files = new ArrayList<>();
                List<Integer> labels = new ArrayList<>();
                keptFiles.add(files);
                keptLabels.add(labels);
                for (int i = 0; i < listed.files().size(); i++) {
                    Path f = listed.files().get(i);
                    LoadCancelledException.check(f.getParent());
                    RasterImage img;
                    try {
                        img = ImageDecoder.read(f).bounded(DataMemory.MAX_SIDE);
                    } catch (ImageDecoder.UnreadableImageException e) {
                        if (skip) {
                            skipped.add(relative(f) + " (" + e.problem() + ")");
                            continue;
                        }
                        if (failed++ == 0) {
                            stores.forEach(CompactImages::clear); // the load fails: keep checking, not storing
                        }
                        if (failures.size() < MAX_LISTED_FAILURES) {
                            failures.add(e);
                        }
                        continue;
                    }
                    files.add(f);
                    labels.add(listed.labels()[i]);
                    if (streaming || failed > 0) {
                        continue;
                    }
                    bytes += store.append(img);
                    if (bytes > budget) {
                        streaming = true;
                        stores.forEach(CompactImages::clear);
                    }
                }
            }
            throwFailures();
            List<Split> out = new ArrayList<>();
            for (int i = 0; i < lists.size(); i++) {
                List<RasterImage> images = streaming ? new ImageFiles(keptFiles.get(i), DataMemory.MAX_SIDE)
                        : stores.get(i);
                out.add(new Split(images, keptLabels.get(i).stream().mapToInt(Integer::intValue).toArray()));
            }
            return out;
        }

        private Path relative(Path f) {
            return f.startsWith(root) ? root.relativize(f) : f;
        }

        /**
         * One file: its own message. More: "ROOT: N image files cannot be read: a.png (why), ...".
         * Both name the fix per file and the option to leave them out.
         */
        private void throwFailures() {
            if (failed == 0) {
                return;
            }
            if (failed == 1) {
                ImageDecoder.UnreadableImageException e = failures.get(0);
                throw new ImageDecoder.UnreadableImageException(e.file(), e.problem(), e.fix() + "; " + SKIP_HINT,
                        e.getCause());
            }
            StringBuilder list = new StringBuilder();
            java.util.Set<String> fixes = new java.util.LinkedHashSet<>();
            for (ImageDecoder.UnreadableImageException e : failures) {
                list.append(list.length() == 0 ? "" : ", ").append(relative(e.file())).append(" (").append(e.problem())
                        .append(')');
                fixes.add(e.fix());
            }
            if (failed > failures.size()) {
                list.append(" and ").append(failed - failures.size()).append(" more");
            }
            throw UserInputException.forFile(root, failed + " image files cannot be read: " + list,
                    "for each file: " + String.join("; ", fixes) + "; " + SKIP_HINT);
        }

        /** The files left out, "class/file.png (problem)", relative to the dataset folder. */
        List<String> skipped() {
            return List.copyOf(skipped);
        }

        String storage() {
            return streaming ? "streamed from disk (larger than the data-memory budget of "
                    + DataMemory.describe(budget) + ")" : "in memory, " + DataMemory.describe(bytes);
        }
    }

    /** Per class: shuffled by seed, round(n * fraction) images go to part 1 (at least 1 and at most n - 1 when n >= 2). */
    static int[][] splitPerClass(int[] labels, int numClasses, double fraction, long seed) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        Random rnd = new Random(seed);
        for (int c = 0; c < numClasses; c++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    idx.add(i);
                }
            }
            Collections.shuffle(idx, rnd);
            int k = idx.size() < 2 ? 0 : Math.min(idx.size() - 1, Math.max(1, (int) Math.round(idx.size() * fraction)));
            b.addAll(idx.subList(0, k));
            a.addAll(idx.subList(k, idx.size()));
        }
        Collections.sort(a);
        Collections.sort(b);
        return new int[][] {a.stream().mapToInt(Integer::intValue).toArray(), b.stream().mapToInt(Integer::intValue).toArray()};
    }
}
