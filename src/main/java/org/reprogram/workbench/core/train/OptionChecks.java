package org.reprogram.workbench.core.train;

import java.util.List;
import org.reprogram.workbench.core.UserInputException;

/** The value checks that reprogramming and baseline configurations share (messages name the CLI option). */
public final class OptionChecks {

    private OptionChecks() {}

    /** Adds to P the problems of the data and optimisation values common to every run. */
    public static void common(List<String> p, String target, int epochs, int batchSize, double lr, int shots,
            double valFraction, String device) {
        if (target == null || target.isBlank()) {
            p.add("choose a target dataset folder (--target)");
        }
        if (epochs < 1) {
            p.add("epochs (--epochs) must be at least 1");
        }
        if (batchSize < 1) {
            p.add("batch size (--batch-size) must be at least 1");
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            p.add("learning rate (--lr) must be a positive number");
        }
        if (shots < 0) {
            p.add("shots (--shots) must be 0 (all) or positive");
        }
        if (!(valFraction >= 0 && valFraction < 0.9)) {
            p.add("validation fraction (--val-fraction) must be in [0, 0.9)");
        }
        if (device == null || !List.of("auto", "cpu", "gpu").contains(device)) {
            p.add("device (--device) must be auto, cpu or gpu");
        }
    }

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
