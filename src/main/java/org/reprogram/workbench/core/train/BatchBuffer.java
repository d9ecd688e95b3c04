package org.reprogram.workbench.core.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable native (direct) staging buffer for batches. Creating NDArrays from Java arrays
 * makes DJL allocate a new direct buffer per batch, which the JVM frees only when it happens to
 * collect garbage: resident memory then grows for minutes. One buffer per loop avoids that.
 */
public final class BatchBuffer {

    private final ByteBuffer bytes;
    private final FloatBuffer floats;

    public BatchBuffer(int maxImages, int imageSize) {
        bytes = ByteBuffer.allocateDirect(Math.max(1, maxImages) * imageSize * Float.BYTES).order(ByteOrder.nativeOrder());
        floats = bytes.asFloatBuffer();
    }

    /** Clears the buffer for N floats and returns the float view to fill. */
    public FloatBuffer start() {
        floats.clear();
        return floats;
    }

    /** The bytes of the first N floats, ready for NDManager.create. */
    public ByteBuffer finish(int n) {
        bytes.clear();
        bytes.limit(n * Float.BYTES);
        return bytes;
    }
}
