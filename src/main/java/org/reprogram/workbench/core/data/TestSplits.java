package org.reprogram.workbench.core.data;

/**
 * The seed-dependent part of a target dataset: a folder without a train/test split has its test
 * images split off by seed ({@link ImageFolderLoader}). A new seed re-splits the images already
 * read, exactly as reading the folder again with that seed would, without reading anything.
 */
public final class TestSplits {

    private TestSplits() {}

    /** Whether DATA's splits depend on the seed (test split off by seed). */
    public static boolean dependOnSeed(TargetDataset data) {
        return data.testFromTrain();
    }

    /**
     * DATA with its test split drawn by SEED: DATA itself when its splits do not depend on the seed;
     * null when it cannot be re-split in memory (then read the folder again).
     */
    public static TargetDataset reseed(TargetDataset data, long seed) {
        if (!data.testFromTrain()) {
            return data;
        }
        if (!(data.train().images() instanceof SubsetImages train) || !(data.test().images() instanceof SubsetImages test)
                || train.base() != test.base()) {
            return null;
        }
        int n = train.base().size();
        if (n != data.train().size() + data.test().size()) {
            return null;
        }
        int[] labels = new int[n];
        for (int i = 0; i < data.train().size(); i++) {
            labels[train.baseIndex(i)] = data.train().labels()[i];
        }
        for (int i = 0; i < data.test().size(); i++) {
            labels[test.baseIndex(i)] = data.test().labels()[i];
        }
        Split all = new Split(train.base(), labels);
        int[][] parts = ImageFolderLoader.splitPerClass(labels, data.numClasses(), TargetDatasets.DEFAULT_TEST_FRACTION,
                seed);
        return new TargetDataset(data.name(), data.location(), data.format(), data.classNames(), all.subset(parts[0]),
                all.subset(parts[1]), true, data.storage(), data.skippedImages());
    }
}
