package org.reprogram.workbench.core.train;

import java.util.Locale;

/**
 * Whether a training batch can fit in memory at all: a step holds the batch's canvases, the
 * model's activations for the backward pass and their gradients, together many times the canvas
 * bytes. Measured here: the built-in Fashion-MNIST CNN needs ~0.5 MB per image in a white-box step
 * (bench, batch 1000 vs 4000: +1.53 GB peak RSS for 3000 more images), 163 times its 3 KB canvas;
 * a ResNet-18 at 224 px needs ~40 MB per image, ~65 times its canvas. {@link #FACTOR} is the lower
 * of these, so a refused batch cannot fit even on an idle machine (a batch under the bound may
 * still be too large for a model with larger activations). Without the check a huge batch grew
 * until the kernel killed the process, with no message (bench --batch-size 200000: 23.8 GB).
 * The budget is the machine's (or container's) physical memory; {@code -Dreprogram.batchMemory=SIZE}
 * (e.g. 8G) sets another.
 */
public final class BatchMemory {

    /** Bytes a step needs per image, at least: this many times its canvas as floats. */
    public static final long FACTOR = 64;

    private BatchMemory() {}

    /** Bytes one image of a C x H x W canvas needs in a training step (a low estimate). */
    public static long bytesPerImage(int channels, int height, int width) {
        return Math.max(1L, (long) channels * height * width * Float.BYTES * FACTOR);
    }

    /** The memory batches may use: -Dreprogram.batchMemory, else the physical memory. */
    public static long budgetBytes() {
        String p = System.getProperty("reprogram.batchMemory", "");
        if (!p.isBlank()) {
            long b;
            try {
                b = org.reprogram.workbench.core.data.DataMemory.parse(p);
            } catch (org.reprogram.workbench.core.UserInputException e) { // its words name --data-memory
                throw new org.reprogram.workbench.core.UserInputException("-Dreprogram.batchMemory: '" + p
                        + "' is not a size. Fix: write e.g. 8G or 512M, or leave it out for this machine's memory", e);
            }
            if (b > 0) {
                return b;
            }
        }
        return org.reprogram.workbench.core.data.DataMemory.physicalBytes();
    }

    /** The largest batch of C x H x W canvases that the budget can hold. */
    public static long maxBatch(int channels, int height, int width, long budget) {
        return Math.max(1, budget / bytesPerImage(channels, height, width));
    }

    /**
     * Why a batch does not fit: PROBLEM in words (naming the option), MAXBATCH the largest batch
     * the budget can hold, NEEDBYTES what the batch needs at least, BUDGETBYTES what there is.
     */
    public record Refusal(String problem, long maxBatch, long needBytes, long budgetBytes) {

        /** For a form: the problem with what to do. */
        public String inWords() {
            return problem + "; use a batch size of at most " + maxBatch;
        }

        /** For the command line: the problem and its fix. */
        public String withFix() {
            return problem + ". Fix: pass --batch-size " + maxBatch + " or less (smaller is safer for large models)";
        }
    }

    /** A batch refused by {@link OptionChecks#requireBatchFits}: the command-line wording, and the refusal itself. */
    public static final class TooLarge extends org.reprogram.workbench.core.UserInputException {

        private static final long serialVersionUID = 1L;

        private final transient Refusal refusal;

        TooLarge(Refusal refusal) {
            super(refusal.withFix());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }

        /**
         * For resuming run RUNDIR, whose config.json fixes the batch size at BATCHSIZE: resume takes no
         * --batch-size, so the fix is more memory (another machine, or a budget the machine has).
         */
        public org.reprogram.workbench.core.UserInputException forResume(java.nio.file.Path runDir, int batchSize) {
            return org.reprogram.workbench.core.UserInputException.forFile(runDir, String.format(Locale.ROOT,
                    "its batch size %d (config.json) needs at least %s of memory (images, activations and gradients),"
                    + " more than the %s this machine has", batchSize, describe(refusal.needBytes()),
                    describe(refusal.budgetBytes())), "resume it on a machine with more memory, or, where this one"
                    + " has more than it reports (a container's limit), set the budget with -Dreprogram.batchMemory=SIZE"
                    + " (e.g. 8G); or start a new run with train --batch-size " + refusal.maxBatch() + " or less", this);
        }
    }

    /**
     * Null when a batch of BATCHSIZE canvases of C x H x W fits in BUDGET bytes (TRAINIMAGES: the
     * images batches are drawn from; a batch is never larger), else why not.
     */
    public static Refusal check(int batchSize, long trainImages, int channels, int height, int width, long budget) {
        long batch = Math.min(batchSize, Math.max(1, trainImages));
        long perImage = bytesPerImage(channels, height, width);
        if (batchSize < 1 || batch <= budget / perImage) {
            return null;
        }
        long need = batch > Long.MAX_VALUE / perImage ? Long.MAX_VALUE : batch * perImage;
        String size = batch < batchSize ? batchSize + " (" + batch + " training images)" : Integer.toString(batchSize);
        return new Refusal(String.format(Locale.ROOT, "batch size (--batch-size) %s needs at least %s of memory for"
                + " %dx%dx%d canvases (images, activations and gradients), more than the %s this machine has", size,
                describe(need), channels, height, width, describe(budget)), maxBatch(channels, height, width, budget),
                need, budget);
    }

    private static String describe(long bytes) {
        return org.reprogram.workbench.core.data.DataMemory.describe(bytes);
    }
}
