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
        return load(dir, seed, testFraction, DataMemory.budgetBytes());
    }

    /** As above; images beyond BUDGET bytes (compact form) are decoded from disk per batch instead. */
    public static TargetDataset load(Path dir, long seed, double testFraction, long budget) {
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        boolean presplit = Files.isDirectory(trainDir) && Files.isDirectory(testDir);
        List<String> classes = classFolders(presplit ? trainDir : dir);
        if (classes.size() < 2) {
            throw UserInputException.forFile(presplit ? trainDir : dir, "needs at least two class folders, found "
                    + classes.size(), LAYOUT_FIX);
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        Decoded decoded = new Decoded(budget, dir);
        if (presplit) {
            for (String c : classFolders(testDir)) {
                if (!classes.contains(c)) {
                    throw UserInputException.forFile(testDir.resolve(c), "test class '" + c + "' has no train folder",
                            "add " + trainDir.resolve(c) + " or remove the test folder");
                }
            }
            Listed train = list(trainDir, classes, true);
            Listed test = list(testDir, classes, false);
            List<List<RasterImage>> images = decoded.decode(List.of(train.files(), test.files()));
            return new TargetDataset(name, dir, "imagefolder", classes, new Split(images.get(0), train.labels()),
                    new Split(images.get(1), test.labels()), false, decoded.storage());
        }
        Listed listed = list(dir, classes, true);
        Split all = new Split(decoded.decode(List.of(listed.files())).get(0), listed.labels());
        int[][] parts = splitPerClass(all.labels(), classes.size(), testFraction, seed);
        return new TargetDataset(name, dir, "imagefolder", classes, all.subset(parts[0]), all.subset(parts[1]), true,
                decoded.storage());
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

    /**
     * Decodes every file once (a broken file is named at load time, not mid-run) into compact
     * memory while the total stays within the budget; past it, the images stay on disk and are
     * decoded per batch ({@link ImageFiles}). Every unreadable file is found in the same pass and
     * reported in one error (the first {@link #MAX_LISTED_FAILURES} by name and reason).
     */
    private static final class Decoded {
        private final long budget;
        private final Path root;
        private long bytes;
        private boolean streaming;
        private final List<ImageDecoder.UnreadableImageException> failures = new ArrayList<>();
        private int failed;

        Decoded(long budget, Path root) {
            this.budget = budget;
            this.root = root;
        }

        List<List<RasterImage>> decode(List<List<Path>> lists) {
            List<CompactImages> stores = new ArrayList<>();
            for (List<Path> files : lists) {
                CompactImages store = new CompactImages();
                stores.add(store);
                for (Path f : files) {
                    LoadCancelledException.check(f.getParent());
                    RasterImage img;
                    try {
                        img = ImageDecoder.read(f).bounded(DataMemory.MAX_SIDE);
                    } catch (ImageDecoder.UnreadableImageException e) {
                        if (failed++ == 0) {
                            stores.forEach(CompactImages::clear); // the load fails: keep checking, not storing
                        }
                        if (failures.size() < MAX_LISTED_FAILURES) {
                            failures.add(e);
                        }
                        continue;
                    }
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
            List<List<RasterImage>> out = new ArrayList<>();
            for (int i = 0; i < lists.size(); i++) {
                out.add(streaming ? new ImageFiles(lists.get(i), DataMemory.MAX_SIDE) : stores.get(i));
            }
            return out;
        }

        /** One file: its own message. More: "ROOT: N image files cannot be read: a.png (why), ...". */
        private void throwFailures() {
            if (failed == 0) {
                return;
            }
            if (failed == 1) {
                throw failures.get(0);
            }
            StringBuilder list = new StringBuilder();
            java.util.Set<String> fixes = new java.util.LinkedHashSet<>();
            for (ImageDecoder.UnreadableImageException e : failures) {
                Path f = e.file();
                list.append(list.length() == 0 ? "" : ", ").append(f.startsWith(root) ? root.relativize(f) : f)
                        .append(" (").append(e.problem()).append(')');
                fixes.add(e.fix());
            }
            if (failed > failures.size()) {
                list.append(" and ").append(failed - failures.size()).append(" more");
            }
            throw UserInputException.forFile(root, failed + " image files cannot be read: " + list,
                    "for each file: " + String.join("; ", fixes));
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
