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
 */
public record TargetDataset(
        String name, Path location, String format, List<String> classNames, Split train, Split test,
        boolean testFromTrain, String storage) {

    public TargetDataset(String name, Path location, String format, List<String> classNames, Split train, Split test,
            boolean testFromTrain) {
        this(name, location, format, classNames, train, test, testFromTrain, "in memory");
    }

    /** True when images are decoded from disk per batch (larger than the data-memory budget). */
    public boolean streamed() {
        return storage.startsWith("streamed");
    }

    public int numClasses() {
        return classNames.size();
    }
}
