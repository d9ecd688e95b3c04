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
 */
public record TargetDataset(
        String name, Path location, String format, List<String> classNames, Split train, Split test,
        boolean testFromTrain) {

    public int numClasses() {
        return classNames.size();
    }
}
