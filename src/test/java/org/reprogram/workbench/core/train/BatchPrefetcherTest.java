package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.data.Split;
import org.reprogram.workbench.core.program.Placement;

/**
 * A handed-out batch owns its pixels: refilling the staging buffer it came through (what the
 * background loader does while the step runs) must not change it. DJL's create from a direct
 * buffer wraps that memory, so before the fix the first batch turned into the third one.
 */
class BatchPrefetcherTest {

    /** SIZE one-channel 4x4 images, image i filled with the value i + 1. */
    private static CanvasSplit split(int size) {
        List<RasterImage> images = new ArrayList<>();
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            float[] px = new float[16];
            java.util.Arrays.fill(px, i + 1);
            images.add(new RasterImage(1, 4, 4, px));
        }
        return new CanvasSplit(new Split(images, labels), new Placement(1, 4, 4, 4, 4));
    }

    @Test
    void aBatchStaysUnchangedWhileTheLoaderRefillsItsStagingBuffer() {
        CanvasSplit split = split(6);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                BatchPrefetcher loader = new BatchPrefetcher(split, 2)) {
            loader.start(split.identityOrder());
            NDArray first = loader.next().array(m); // images 0, 1 (values 1, 2); images 2, 3 go to the other buffer
            float[] before = first.toFloatArray();
            assertEquals(1f, before[0]);
            loader.next(); // hands out images 2, 3 and starts placing 4, 5 into the first batch's buffer
            NDArray third = loader.next().array(m); // waits until that buffer holds 4, 5
            assertEquals(5f, third.toFloatArray()[0]);
            assertArrayEquals(before, first.toFloatArray(), 0f, "the first batch changed with its staging buffer");
        }
    }

    @Test
    void anArrayMadeThroughABatchBufferIsACopy() {
        CanvasSplit split = split(4);
        try (NDManager m = NDManager.newBaseManager(Device.cpu()); BatchBuffer buffer = new BatchBuffer(2, 16)) {
            NDArray a = split.batch(m, split.identityOrder(), 0, 2, buffer);
            float[] before = a.toFloatArray();
            FloatBuffer f = buffer.start(); // overwrite the staging buffer by hand
            while (f.hasRemaining()) {
                f.put(-9f);
            }
            assertArrayEquals(before, a.toFloatArray(), 0f, "overwriting the staging buffer changed the array");
            NDArray b = split.batch(m, split.identityOrder(), 2, 4, buffer);
            assertArrayEquals(before, a.toFloatArray(), 0f, "the next batch changed the previous one");
            assertEquals(new Shape(2, 1, 4, 4), b.getShape());
            assertEquals(3f, b.toFloatArray()[0]);
        }
    }
}
