package org.reprogram.workbench.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A target task: class names and decoded train/test images.
 *
 * @param name display name (folder name)
 * @param location the folder it was read from
 * @param format "imagefolder" or "idx"
 * @param classNames one name per class index
 * @param train training images (validation is carved out of these by {@link SplitPlan})
 * @param test held-out test images
 * @param testFromTrain true when the folder had no train/test split and test was split off by seed
 * @param storage how the images are held, for the user: "in memory, 47 MB" or "streamed from disk …"
 * @param skippedImages unreadable images left out (--skip-bad-images), "class/file.png (problem)"
 *     relative to the folder; empty when none were
 */
public record TargetDataset(
        String name, Path location, String format, List<String> classNames, Split train, Split test,
        boolean testFromTrain, String storage, List<String> skippedImages) {

    public TargetDataset {
        skippedImages = skippedImages == null ? List.of() : List.copyOf(skippedImages);
    }

    public TargetDataset(String name, Path location, String format, List<String> classNames, Split train, Split test,
            boolean testFromTrain, String storage) {
        this(name, location, format, classNames, train, test, testFromTrain, storage, List.of());
    }

    public TargetDataset(String name, Path location, String format, List<String> classNames, Split train, Split test,
            boolean testFromTrain) {
        this(name, location, format, classNames, train, test, testFromTrain, "in memory");
    }

    /** Most skipped images named in a notice or result; the rest are counted. */
    public static final int MAX_NAMED_SKIPPED = 20;

    /**
     * "skipped 3 unreadable images (--skip-bad-images): a/x.png (why), ..." (the first
     * {@link #MAX_NAMED_SKIPPED}, then a count); null when none were skipped.
     */
    public String skippedNotice() {
        if (skippedImages.isEmpty()) {
            return null;
        }
        int n = skippedImages.size();
        String named = String.join(", ", skippedImages.subList(0, Math.min(n, MAX_NAMED_SKIPPED)));
        return "skipped " + n + " unreadable image" + (n == 1 ? "" : "s") + " of target '" + name
                + "' (--skip-bad-images): " + named + (n > MAX_NAMED_SKIPPED ? " and " + (n - MAX_NAMED_SKIPPED)
                + " more" : "");
    }

    /** True when images are decoded from disk per batch (larger than the data-memory budget). */
    public boolean streamed() {
        return storage.startsWith("streamed");
    }

    public int numClasses() {
        return classNames.size();
    }
}
