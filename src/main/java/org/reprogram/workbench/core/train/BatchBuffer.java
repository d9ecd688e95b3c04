package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable native (direct) staging buffer for batches. Creating NDArrays from Java arrays
 * makes DJL allocate a new direct buffer per batch, which the JVM frees only when it happens to
 * collect garbage: resident memory then grows for minutes. One buffer per loop avoids that, and
 * {@link #close()} frees it at once (a 224-px batch buffer is tens of MB).
 *
 * <p>The arrays it hands out are copies in memory libtorch owns ({@link #array}): DJL's
 * {@code create} from a direct buffer wraps that memory ({@code torch::from_blob}) instead of
 * copying it, so an array made straight from this buffer would change when the buffer is refilled
 * (the background loader refills it while steps run), and a backward pass that reads its input
 * (scale's warp, smm's mask network, fine-tuning) could see other pixels than its forward pass.
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

    /**
     * The first SHAPE.size() floats as a float32 array of SHAPE in MANAGER that owns its memory:
     * the buffer may be refilled (or freed) at once without changing it.
     */
    public NDArray array(NDManager manager, Shape shape) {
        bytes.clear();
        bytes.limit(Math.toIntExact(shape.size()) * Float.BYTES);
        try (NDArray view = manager.create(bytes, shape, DataType.FLOAT32)) { // wraps the buffer's memory
            return view.duplicate(); // a copy libtorch allocates and frees with the array
        }
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
