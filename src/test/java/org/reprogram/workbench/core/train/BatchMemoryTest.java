package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bound on batch sizes: what a batch needs, the largest that fits, and the words. */
class BatchMemoryTest {

    private static final long GB = 1L << 30;

    @Test
    void theLargestBatchThatFitsIsAcceptedAndOneMoreIsRefused() {
        long perImage = BatchMemory.bytesPerImage(1, 28, 28);
        assertEquals(28 * 28 * 4 * BatchMemory.FACTOR, perImage);
        long max = BatchMemory.maxBatch(1, 28, 28, GB);
        assertEquals(GB / perImage, max);
        assertNull(BatchMemory.check((int) max, Long.MAX_VALUE, 1, 28, 28, GB));
        BatchMemory.Refusal r = BatchMemory.check((int) max + 1, Long.MAX_VALUE, 1, 28, 28, GB);
        assertNotNull(r);
        assertEquals(max, r.maxBatch());
        assertEquals(GB, r.budgetBytes());
        assertEquals((max + 1) * perImage, r.needBytes());
        assertTrue(r.withFix().startsWith("batch size (--batch-size) " + (max + 1) + " needs at least"), r.withFix());
        assertTrue(r.withFix().endsWith("Fix: pass --batch-size " + max + " or less (smaller is safer for large models)"),
                r.withFix());
    }

    @Test
    void aBatchIsNeverLargerThanItsTrainingImages() {
        // the bench --batch-size 200000 on 28 px: refused on a 23 GB machine ...
        BatchMemory.Refusal r = BatchMemory.check(200_000, 200_000, 1, 28, 28, 23 * GB);
        assertNotNull(r);
        assertTrue(r.maxBatch() < 200_000 && r.maxBatch() > 1_000, "" + r.maxBatch());
        // ... while training 1,000 images with that setting uses batches of 1,000, which fit
        assertNull(BatchMemory.check(200_000, 1_000, 1, 28, 28, 23 * GB));
        BatchMemory.Refusal capped = BatchMemory.check(200_000, 150_000, 1, 28, 28, 23 * GB);
        assertTrue(capped.problem().startsWith("batch size (--batch-size) 200000 (150000 training images)"),
                capped.problem());
    }

    @Test
    void hugeCanvasesAndBatchesDoNotOverflow() {
        BatchMemory.Refusal r = BatchMemory.check(Integer.MAX_VALUE, Long.MAX_VALUE, 3, 4096, 4096, 64 * GB);
        assertNotNull(r);
        assertTrue(r.needBytes() > 64 * GB, "" + r.needBytes());
        assertEquals(64 * GB / BatchMemory.bytesPerImage(3, 4096, 4096), r.maxBatch());
        assertEquals(1, BatchMemory.check(2, 2, 3, 4096, 4096, GB).maxBatch(), "one image is always allowed to try");
        assertNull(BatchMemory.check(0, 10, 3, 224, 224, GB), "batch < 1 is the option check's error, not this one");
    }
}
