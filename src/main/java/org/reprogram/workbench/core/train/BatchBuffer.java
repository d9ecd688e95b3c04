package org.reprogram.workbench.core.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable native (direct) staging buffer for batches. Creating NDArrays from Java arrays
 * makes DJL allocate a new direct buffer per batch, which the JVM frees only when it happens to
 * collect garbage: resident memory then grows for minutes. One buffer per loop avoids that, and
 * {@link #close()} frees it at once (a 224-px batch buffer is tens of MB).
 */
public final class BatchBuffer implements AutoCloseable {

    private static final java.lang.invoke.MethodHandle FREE = cleaner();

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

    /** Frees the native memory now; the buffer must not be used afterwards. */
    @Override
    public void close() {
        if (FREE != null) {
            try {
                FREE.invoke(bytes);
            } catch (Throwable e) {
                // left to the garbage collector
            }
        }
    }

    /** sun.misc.Unsafe.invokeCleaner (jdk.unsupported, Java 9+), or null where it is not available. */
    private static java.lang.invoke.MethodHandle cleaner() {
        try {
            Class<?> unsafe = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field f = unsafe.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return java.lang.invoke.MethodHandles.lookup().findVirtual(unsafe, "invokeCleaner",
                    java.lang.invoke.MethodType.methodType(void.class, ByteBuffer.class)).bindTo(f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
