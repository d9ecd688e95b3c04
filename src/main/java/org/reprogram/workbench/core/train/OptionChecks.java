package org.reprogram.workbench.core.train;

import java.util.List;
import org.reprogram.workbench.core.UserInputException;

/** The batch-size check against memory that reprogramming and baseline runs share (messages name the CLI option). */
public final class OptionChecks {

    private OptionChecks() {}

    /**
     * Adds to P why BATCHSIZE canvases of SHAPE [C, H, W] cannot fit in memory ({@link BatchMemory});
     * a batch is never larger than TRAINIMAGES, the images it is drawn from.
     */
    public static void batchFits(List<String> p, int batchSize, long trainImages, int[] shape) {
        BatchMemory.Refusal r = BatchMemory.check(batchSize, trainImages, shape[0], shape[1], shape[2],
                BatchMemory.budgetBytes());
        if (r != null) {
            p.add(r.inWords());
        }
    }

    /** As {@link #batchFits}, for the engine: a {@link UserInputException} with the fix. */
    public static void requireBatchFits(int batchSize, long trainImages, int[] shape) {
        BatchMemory.Refusal r = BatchMemory.check(batchSize, trainImages, shape[0], shape[1], shape[2],
                BatchMemory.budgetBytes());
        if (r != null) {
            throw new BatchMemory.TooLarge(r);
        }
    }
}
