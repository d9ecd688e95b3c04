package org.reprogram.workbench.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.UserInputException;

/** Opens a target folder, detecting IDX or ImageFolder layout. */
public final class TargetDatasets {

    /** Share of each class held out as test when a folder has no train/test split. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    private TargetDatasets() {}

    /** The folder of the shipped sample digits. */
    public static Path sampleDigits() {
        return AppPaths.sampleData().resolve("digits");
    }

    public static TargetDataset open(Path dir, long seed) {
        return open(dir, seed, false);
    }

    /** As above; with SKIPBADIMAGES unreadable images are left out and listed instead of refusing the folder. */
    public static TargetDataset open(Path dir, long seed, boolean skipBadImages) {
        return open(dir, seed, skipBadImages, 0);
    }

    /**
     * As above, holding at most BUDGETBYTES of decoded images in memory (a run's data memory; 0: the
     * default for this machine, {@link DataMemory#defaultBytes()}); a larger dataset is read from disk per batch.
     */
    public static TargetDataset open(Path dir, long seed, boolean skipBadImages, long budgetBytes) {
        if (dir == null) {
            throw new UserInputException("no target dataset given. Fix: pass --target DIR (e.g. sample-data/digits)");
        }
        if (!Files.exists(dir)) {
            throw UserInputException.forFile(dir, "target folder not found", "check the path (try sample-data/digits)");
        }
        if (!Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "is a file, not a folder",
                    "pass the folder that holds the class folders or the IDX files");
        }
        if (IdxLoader.looksLikeIdx(dir)) {
            return IdxLoader.load(dir, DataMemory.orDefault(budgetBytes));
        }
        return ImageFolderLoader.load(dir, seed, DEFAULT_TEST_FRACTION, DataMemory.orDefault(budgetBytes), skipBadImages);
    }
}
